"""What the worker tests do and read inside the paper's own processes (see support.Console)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry, Revision

from kronika.news.models import ArticlePage, HomePage, RelatedArticle, SectionPage
from kronika.news.tasks import update_related_articles
from kronika.telegram.models import Channel, Delivery, Post
from kronika.testing import body, build_article
from kronika.worker.models import Heartbeat

GO_LIVE = "wagtail.publish.scheduled"
PUBLISH = "wagtail.publish"
RELATED_TASK = "kronika.news.tasks.update_related_articles"

# Words every test article shares, so each has relatives to list.
SHARED = "Harbour ferries lighthouse fishermen storms timetable"


def set_up_paper() -> None:
    section = SectionPage(title="News", slug="news", show_in_menus=True)
    HomePage.objects.get().add_child(instance=section)
    section.save_revision().publish()
    Channel.from_settings()


def draft(title: str, slug: str) -> ArticlePage:
    section = SectionPage.objects.get(locale__language_code="en", slug="news")
    article = build_article(
        section,
        title,
        live=False,
        slug=slug,
        body=body(f"{SHARED}. The story of {title}.", f"{title} and the {SHARED.lower()}."),
    )
    section.add_child(instance=article)
    article.save_revision()
    return article


def new_draft(title: str, slug: str) -> int:
    return draft(title, slug).pk


def schedule(prefix: str, count: int, seconds: float) -> list[int]:
    """Drafts scheduled to go live together in `seconds` from when the last is written; their ids.

    Each is scheduled an hour ahead first and brought forward once all are:
    Wagtail publishes a revision whose go-live time has passed at once, so on
    a loaded machine the last of a few drafts written against a one-second
    schedule went live as it was written, not as scheduled.
    """
    ids = []
    for n in range(count):
        article = draft(f"{prefix} {n:02d}", slug=f"{_slug(prefix)}-{n:02d}")
        article.go_live_at = timezone.now() + timedelta(hours=1)
        article.save_revision().publish()
        ids.append(article.pk)
    go_live_at = timezone.now() + timedelta(seconds=seconds)
    ArticlePage.objects.filter(pk__in=ids).update(go_live_at=go_live_at)
    scheduled = Revision.objects.filter(
        object_id__in=[str(pk) for pk in ids], approved_go_live_at__isnull=False
    )
    for revision in scheduled:
        # The revision's own copy of the page carries the time too, and going
        # live with a time still ahead would only schedule it again.
        revision.content = {**revision.content, "go_live_at": go_live_at.isoformat()}
        revision.approved_go_live_at = go_live_at
        revision.save(update_fields=["content", "approved_go_live_at"])  # queues its task
    return ids


def publish(prefix: str, count: int) -> list[int]:
    ids = []
    for n in range(count):
        article = draft(f"{prefix} {n:02d}", slug=f"{_slug(prefix)}-{n:02d}")
        article.get_latest_revision().publish()
        ids.append(article.pk)
    return ids


def publish_draft(pk: int) -> None:
    ArticlePage.objects.get(pk=pk).get_latest_revision().publish()


def article(pk: int) -> dict:
    """Everything publishing an article does, as the database has it now."""
    page = ArticlePage.objects.get(pk=pk)
    return {
        "id": page.pk,
        "title": page.title,
        "live": page.live,
        "live_revision": page.live_revision_id,
        "first_published_at": page.first_published_at,
        "url": page.url,
        "published": ArticlePage.objects.published().filter(pk=pk).exists(),
        "scheduled": Revision.page_revisions.filter(
            object_id=str(pk), approved_go_live_at__isnull=False
        ).exists(),
        "publish_log": list(
            PageLogEntry.objects.filter(page_id=pk, action__in=[PUBLISH, GO_LIVE]).values_list(
                "action", flat=True
            )
        ),
        "posts": list(Post.objects.filter(article_id=pk).values_list("state", flat=True)),
        "sends": list(
            Delivery.objects.filter(post__article_id=pk, action=Delivery.Action.SEND).values_list(
                "state", flat=True
            )
        ),
        "related_tasks": [task["status"] for task in related_tasks(pk)],
        "related": list(
            RelatedArticle.objects.filter(article_id=pk)
            .order_by("rank")
            .values_list("related_id", flat=True)
        ),
    }


def pages_with_slug(slug: str) -> list[int]:
    return list(ArticlePage.objects.filter(slug=slug).values_list("pk", flat=True))


def articles(pks: list[int]) -> list[dict]:
    return [article(pk) for pk in pks]


def calls_waiting() -> int:
    """Telegram calls queued or in flight, in any channel."""
    return Delivery.objects.filter(
        state__in=[Delivery.State.PENDING, Delivery.State.IN_FLIGHT]
    ).count()


def tasks_since(moment: str) -> list[dict]:
    """Every task queued since `moment`: its name, status and the workers that claimed it."""
    return [
        {
            "task": task.task_path,
            "status": task.status,
            "worker_ids": task.worker_ids,
            "error": task.traceback.strip().splitlines()[-1] if task.traceback else "",
        }
        for task in DBTaskResult.objects.filter(enqueued_at__gte=moment).order_by("enqueued_at")
    ]


def related_tasks(pk: int) -> list[dict]:
    """The related-articles updates queued for an article: their status and who ran them."""
    return [
        {"status": task.status, "workers": task.worker_ids}
        for task in DBTaskResult.objects.filter(task_path=RELATED_TASK).order_by("enqueued_at")
        if pk in task.args_kwargs["args"][0]
    ]


def related_lists() -> dict[int, list[int]]:
    """Every stored related list, by article."""
    lists = {}
    rows = RelatedArticle.objects.order_by("article_id", "rank")
    for article_id, related_id in rows.values_list("article_id", "related_id"):
        lists.setdefault(article_id, []).append(related_id)
    return lists


def update_related(pks: list[int]) -> None:
    update_related_articles.call(pks)


def workers() -> list[str]:
    """The workers that are signed on."""
    return list(Heartbeat.objects.values_list("worker_id", flat=True))


def claims_of(worker_id: str) -> list[dict]:
    """The tasks `worker_id` claimed last: their name and status."""
    return [
        {"task": task.task_path, "status": task.status, "worker_ids": task.worker_ids}
        for task in DBTaskResult.objects.order_by("enqueued_at")
        if task.worker_ids and task.worker_ids[-1] == worker_id
    ]


def runs_of(task_path: str, worker_id: str) -> list[dict]:
    """The tasks at `task_path` that `worker_id` ever claimed."""
    return [
        {"status": task.status, "worker_ids": task.worker_ids}
        for task in DBTaskResult.objects.filter(task_path=task_path).order_by("enqueued_at")
        if worker_id in task.worker_ids
    ]


def _slug(prefix: str) -> str:
    return prefix.lower().replace(" ", "-")
