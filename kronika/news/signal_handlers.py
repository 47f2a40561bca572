"""Publishing events that start background work, and addresses for new tags.

Tasks are enqueued inside the publishing transaction. With the database task
backend the queued task is a row written in that same transaction, so the work
is queued exactly when the change is committed, and never for a rollback.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.models import Revision
from wagtail.signals import page_published, page_unpublished

from kronika.base.deferred import enqueue
from kronika.news import tag_addresses, tasks
from kronika.news.models import ArticlePage

_bulk_published: ContextVar[list[int] | None] = ContextVar("bulk_published", default=None)


# Articles whose related lists one background task updates, after a bulk publication.
RELATED_BATCH = 500


@contextmanager
def bulk_publishing(*, in_background: bool = False):
    """Publish many articles, then update related lists once for all of them.

    Used by loaders and importers: one task per article would recompute the same
    lists over and over while the rest of the batch is not yet indexed. By
    default the update runs inline, since a batch is already a long job, so the
    paper is complete when the batch ends rather than when the worker gets to
    it. An archive of tens of thousands of articles takes the worker's time
    instead (`in_background`), in tasks of RELATED_BATCH articles; each task
    also refreshes the lists of earlier batches that its articles belong in.
    """
    published: list[int] = []
    token = _bulk_published.set(published)
    try:
        yield
    finally:
        _bulk_published.reset(token)
    if not published:
        return
    if not in_background:
        tasks.update_related_articles.call(published)
        return
    for start in range(0, len(published), RELATED_BATCH):
        tasks.update_related_articles.enqueue(published[start : start + RELATED_BATCH])


def enqueue_publish_scheduled(when) -> None:
    # A backend that cannot wait leaves it to the worker's catch-up when it starts.
    enqueue(tasks.publish_scheduled, at=when)


@receiver(page_published, sender=ArticlePage)
def on_article_published(sender, instance, **kwargs):
    # Wagtail also sends this when an article that has never been live is
    # scheduled for later, and leaves it offline. Its work waits for the
    # scheduled publish (`scheduled.publish_due`), which sends it again, live.
    if not instance.live:
        return
    batch = _bulk_published.get()
    if batch is None:
        tasks.update_related_articles.enqueue([instance.pk])
    else:
        batch.append(instance.pk)
    if instance.expire_at:
        enqueue_publish_scheduled(instance.expire_at)


@receiver(page_unpublished, sender=ArticlePage)
def on_article_unpublished(sender, instance, **kwargs):
    tasks.forget_article.enqueue(instance.pk)


@receiver(pre_save, sender=Tag)
def give_every_tag_an_address(sender, instance, **kwargs):
    # taggit makes the slug from the name, and a name of punctuation alone
    # ("<>", "!!") makes an empty one, which no address can hold.
    if not instance.slug:
        instance.slug = tag_addresses.free_fallback_slug(sender._default_manager)


@receiver(post_save, sender=Revision)
def on_revision_scheduled(sender, instance, **kwargs):
    if instance.approved_go_live_at is not None:
        enqueue_publish_scheduled(instance.approved_go_live_at)
