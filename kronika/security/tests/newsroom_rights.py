"""The checks behind docs/newsroom.md's permission matrix: one per row, by the row's name.

Each check is done by the signed-in user of the test's client, through the
admin as they would do it: an action that changes something is posted and
its effect looked for; where opening the page is the right (a settings form,
a list), the page must open (200) for those who may, and be refused (a
redirect to the dashboard, or 403/404) for the others. A check answers
whether the user could; anything else fails the test.

The rows of an optional feature name it (`Check.feature`), so that a paper
without it skips them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Revision, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import kronika
from kronika.base.models import KronikaImage
from kronika.news.models import ArticlePage
from kronika.testing import draft_article, feature_choices, make_image, publish_article

MATRIX_DOC = Path(kronika.__file__).resolve().parent.parent / "docs" / "newsroom.md"
ROLES = ("Reporter", "Editor", "Administrator")
REFUSED = (302, 403, 404)


def documented_rows(text: str) -> dict[str, dict[str, bool]]:
    """The permission matrix's rows: {what: {role: may}}, from its Markdown table."""
    rows = {}
    header = f"| What | {' | '.join(ROLES)} |"
    lines = text.splitlines()
    start = lines.index(header) + 2  # past the header and its rule
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        what, *cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) != len(ROLES) or not set(cells) <= {"yes", "no"}:
            raise ValueError(f"a row of the permission matrix is not yes/no per role: {line}")
        if what in rows:
            raise ValueError(f"the permission matrix has two rows for {what!r}")
        rows[what] = {role: cell == "yes" for role, cell in zip(ROLES, cells, strict=True)}
    return rows


def opens(case, url: str) -> bool:
    """Whether the page at `url` opens for the signed-in user (200), or is refused."""
    status = case.client.get(url).status_code
    if status == 200:
        return True
    if status in REFUSED:
        return False
    raise AssertionError(f"{url} answered {status}: neither open nor refused")


def article_form(title: str, action: str, article=None, **fields) -> dict:
    """The article editor's form as a browser sends it, with `action-<action>` pressed."""
    bylines = [{"author": fields.pop("author")}] if "author" in fields else []
    if article is not None:
        bylines = [
            {"id": link.pk, "author": link.author_id} for link in article.article_authors.all()
        ]
    return nested_form_data(
        {
            "title": title,
            "slug": fields.pop("slug", slugify(title)),
            "standfirst": "What happened, in one sentence.",
            "body": streamfield([("paragraph", rich_text("<p>The facts.</p>"))]),
            "article_authors": inline_formset(bylines, initial=len(bylines) if article else 0),
            **feature_choices(article),
            **fields,
            f"action-{action}": "1",
        }
    )


def add_article(case, action: str, **fields) -> ArticlePage | None:
    title = f"{action} by {case.user.username} {ArticlePage.objects.count()}"
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", case.news.pk))
    case.client.post(url, article_form(title, action, author=case.alice.pk, **fields))
    return ArticlePage.objects.filter(slug=slugify(title)).first()


def a_colleagues_draft(case) -> ArticlePage:
    return draft_article(
        case.news,
        f"A colleague's draft {ArticlePage.objects.count()}",
        owner=case.colleague,
        authors=(case.alice,),
    )


def a_live_article(case) -> ArticlePage:
    return publish_article(case.news, f"A live story {ArticlePage.objects.count()}")


def a_colleagues_picture(case) -> KronikaImage:
    picture = make_image(f"A colleague's picture {KronikaImage.objects.count()}")
    picture.uploaded_by_user = case.colleague
    picture.save()
    return picture


def gone(model, pk) -> bool:
    return not model.objects.filter(pk=pk).exists()


# -- Articles ------------------------------------------------------------------------


def write_an_article(case) -> bool:
    return add_article(case, "draft") is not None


def submit_for_review(case) -> bool:
    article = add_article(case, "submit")
    return article is not None and article.current_workflow_task_state is not None


def edit_a_colleagues_draft(case) -> bool:
    draft = a_colleagues_draft(case)
    url = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    title = f"Edited: {draft.title}"
    case.client.post(url, article_form(title, "draft", draft, slug=draft.slug))
    return ArticlePage.objects.get(pk=draft.pk).get_latest_revision().content["title"] == title


def delete_a_colleagues_draft(case) -> bool:
    draft = a_colleagues_draft(case)
    case.client.post(reverse("wagtailadmin_pages:delete", args=(draft.pk,)))
    return gone(ArticlePage, draft.pk)


def approve_in_review(case) -> bool:
    case.client.force_login(case.colleague)
    article = add_article(case, "submit")
    case.client.force_login(case.user)
    task_state = article.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk)
    )
    case.client.post(url, {})
    return ArticlePage.objects.get(pk=article.pk).live


def publish(case) -> bool:
    article = add_article(case, "publish")
    return article is not None and article.live


def schedule(case) -> bool:
    when = timezone.localtime(timezone.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    article = add_article(case, "publish", go_live_at=when)
    scheduled = Revision.page_revisions.filter(
        object_id=str(article.pk), approved_go_live_at__isnull=False
    )
    return not article.live and scheduled.exists()


def unpublish(case) -> bool:
    article = a_live_article(case)
    case.client.post(reverse("wagtailadmin_pages:unpublish", args=(article.pk,)))
    return not ArticlePage.objects.get(pk=article.pk).live


def delete_a_published_article(case) -> bool:
    article = a_live_article(case)
    case.client.post(reverse("wagtailadmin_pages:delete", args=(article.pk,)))
    return gone(ArticlePage, article.pk)


# -- Pictures, documents, authors -------------------------------------------------------


def edit_a_colleagues_picture(case) -> bool:
    return opens(case, reverse("wagtailimages:edit", args=(a_colleagues_picture(case).pk,)))


def delete_a_colleagues_picture(case) -> bool:
    picture = a_colleagues_picture(case)
    case.client.post(reverse("wagtailimages:delete", args=(picture.pk,)))
    return gone(KronikaImage, picture.pk)


# -- Comments and Telegram ---------------------------------------------------------------


def moderate_comments(case) -> bool:
    from kronika.comments.models import Comment

    article = a_live_article(case)
    comment = Comment.objects.create(
        article=article, name="A reader", body="Held for moderation.", status="pending"
    )
    return opens(case, reverse("wagtailsnippets_comments_comment:edit", args=(comment.pk,)))


def settings_form(app_label: str, model_name: str) -> Callable:
    def check(case) -> bool:
        site = Site.objects.get(is_default_site=True)
        return opens(case, reverse("wagtailsettings:edit", args=(app_label, model_name, site.pk)))

    return check


def page(url_name: str) -> Callable:
    return lambda case: opens(case, reverse(url_name))


def every_page(*url_names: str) -> Callable:
    """One right shown on several pages, which must agree."""

    def check(case) -> bool:
        answers = {url_name: opens(case, reverse(url_name)) for url_name in url_names}
        if len(set(answers.values())) != 1:
            raise AssertionError(f"the pages of one right disagree: {answers}")
        return answers[url_names[0]]

    return check


@dataclass(frozen=True)
class Check:
    does: Callable
    feature: str | None = None


CHECKS = {
    "Write an article": Check(write_an_article),
    "Submit an article for review": Check(submit_for_review),
    "Edit a colleague's draft": Check(edit_a_colleagues_draft),
    "Delete a colleague's draft": Check(delete_a_colleagues_draft),
    "Approve or reject an article in review": Check(approve_in_review),
    "Publish an article": Check(publish),
    "Schedule an article": Check(schedule),
    "Unpublish an article": Check(unpublish),
    "Delete a published article": Check(delete_a_published_article),
    "Upload a picture": Check(page("wagtailimages:add")),
    "Edit a colleague's picture": Check(edit_a_colleagues_picture),
    "Delete a colleague's picture": Check(delete_a_colleagues_picture),
    "Upload a document": Check(page("wagtaildocs:add")),
    "Manage authors": Check(page("wagtailsnippets_news_author:add")),
    "Read the comment queue": Check(page("wagtailsnippets_comments_comment:list"), "comments"),
    "Moderate comments": Check(moderate_comments, "comments"),
    "Block a commenter": Check(page("wagtailsnippets_comments_block:add"), "comments"),
    "See the log of Telegram calls": Check(page("telegram_calls"), "telegram"),
    "Change the paper settings": Check(settings_form("base", "papersettings")),
    "Change the comment settings": Check(settings_form("comments", "commentsettings"), "comments"),
    "Change the Telegram channel link": Check(
        settings_form("telegram", "telegramsettings"), "telegram"
    ),
    "Change the feed settings": Check(settings_form("feeds", "feedsettings"), "feeds"),
    "Set up Telegram bots": Check(page("wagtailsnippets_telegram_channel:add"), "telegram"),
    "Manage redirects": Check(page("wagtailredirects:index")),
    "Manage accounts": Check(page("wagtailusers_users:index")),
    "Manage groups and their rights": Check(page("wagtailusers_groups:index")),
    "Change the review workflow": Check(page("wagtailadmin_workflows:index")),
    "Manage sites and collections": Check(
        every_page("wagtailsites:index", "wagtailadmin_collections:index")
    ),
}
