"""A process killed with SIGKILL in the middle of publishing an article."""

import pytest
from django.apps import apps

from kronika.testing_over_http import fetch, fetch_showing

# Publishing fully includes queuing the Telegram post, and the paper this test
# starts runs every feature whatever the suite's KRONIKA_FEATURES: run without
# Telegram, it would only repeat the run with every feature.
pytestmark = pytest.mark.skipif(
    not apps.is_installed("kronika.telegram"), reason="checks the Telegram post queued"
)

# Code for `kronika shell`: halt, to be killed, when `signal` fires for `sender`
# inside the publishing transaction.
HALT = """
import time
from django.db.models.signals import post_save
from wagtail.models import PageLogEntry
from wagtail.signals import page_published
from kronika.news.models import ArticlePage

def halt(sender, instance, **kwargs):
    print("halted", flush=True)
    time.sleep(3600)

{signal}.connect(halt, sender={sender}, weak=False)
"""
HALTS = {
    # Its page is live, and its Telegram post and related update are queued.
    "after the page went live": ("page_published", "ArticlePage"),
    # Wagtail logs the publication last: everything but the commit is done.
    "at the last write": ("post_save", "PageLogEntry"),
}
PUBLISH_DRAFT = """
from kronika.news.models import ArticlePage
ArticlePage.objects.get(pk={pk}).get_latest_revision().publish()
"""
# The admin's "Publish" on a new article, as an editor's browser sends it.
PUBLISH_IN_THE_ADMIN = """
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from kronika.news.models import Author, SectionPage

editor, _ = get_user_model().objects.get_or_create(
    username="crash-editor", defaults={{"is_staff": True, "is_superuser": True}}
)
author, _ = Author.objects.get_or_create(slug="crash-author", defaults={{"name": "A. Writer"}})
section = SectionPage.objects.get(locale__language_code="en", slug="news")
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(editor)
form = nested_form_data({{
    "title": {title!r},
    "slug": {slug!r},
    "standfirst": "What happened, in one sentence.",
    "body": streamfield([("paragraph", rich_text("<p>The facts.</p>"))]),
    "article_authors": inline_formset([{{"author": author.pk}}]),
    "comment_policies": inline_formset([{{"policy": "inherit"}}]),
    "telegram_choices": inline_formset([{{"post": "on"}}]),
    "action-publish": "1",
}})
add = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
response = client.post(add, form)
print("answered", response.status_code, flush=True)
"""


def halting(halt: str) -> str:
    signal, sender = HALTS[halt]
    return HALT.format(signal=signal, sender=sender)


def assert_fully_published(paper, pk: int, title: str) -> None:
    published = paper.run(f"result = paper.article({pk})")
    assert published["live"] and published["published"], published
    assert published["live_revision"] and published["first_published_at"], published
    assert published["publish_log"] == ["wagtail.publish"]
    assert published["posts"] == ["queued"] and published["sends"] == ["pending"]
    assert published["related_tasks"] == ["READY"]
    assert fetch(f"{paper.base_url}{published['url']}")[0] == 200
    assert title in fetch_showing(f"{paper.base_url}/news/", title)


@pytest.mark.parametrize("halt", list(HALTS))
def test_a_crash_mid_publish_leaves_an_article_fully_published_or_not_at_all(
    paper_with_own_processes, halt
):
    paper = paper_with_own_processes
    title = f"Crash {halt}"
    slug = title.lower().replace(" ", "-")
    pk = paper.run(f"result = paper.new_draft({title!r}, {slug!r})")
    draft = paper.run(f"result = paper.article({pk})")

    publisher = paper.start_shell(halting(halt) + PUBLISH_DRAFT.format(pk=pk))
    publisher.wait_for_output("halted")
    publisher.kill()

    assert paper.run(f"result = paper.article({pk})") == draft, "not published at all"
    assert fetch(f"{paper.base_url}{draft['url']}")[0] == 404
    assert title not in fetch(f"{paper.base_url}/news/")[1]

    paper.run(f"paper.publish_draft({pk})")
    assert_fully_published(paper, pk, title)


def test_a_crash_mid_publish_in_the_admin_leaves_no_article_at_all(paper_with_own_processes):
    paper = paper_with_own_processes
    title, slug = "Crash in the admin", "crash-in-the-admin"
    publish = PUBLISH_IN_THE_ADMIN.format(title=title, slug=slug)

    publisher = paper.start_shell(halting("after the page went live") + publish)
    publisher.wait_for_output("halted")
    publisher.kill()

    assert paper.run(f"result = paper.pages_with_slug({slug!r})") == [], "no page at all"
    assert fetch(f"{paper.base_url}/news/{slug}/")[0] == 404

    publisher = paper.start_shell(publish)
    publisher.wait_for_output("answered 302")
    [pk] = paper.run(f"result = paper.pages_with_slug({slug!r})")
    assert_fully_published(paper, pk, title)
