"""Search index entries in the order articles were first published: what the tiers rely on.

`fts` (SQLite) and `tsvector` (PostgreSQL) look for a tier's articles among
the most recently added index entries first, and take the order of the
entries for the order of publication. Wagtail adds a page's entry when the
page is first saved and then only updates it, so that order did not hold:

- a draft begun on Monday and published on Friday kept Monday's place;
- an archive imported after launch took places after every article the
  paper had published itself.

A search whose tier filled from the newer entries left those articles out,
however new they were (issue 22). So an article's entry is made anew on its
first publication, after every other. An import has the entries of its
articles made in order of publication, together with those of every article
published since the oldest one it brought (`index_in_publication_order`).

Making an entry anew is a delete and an insert in one transaction: a search
sees the old entry or the new one, never neither.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Q
from django.dispatch import receiver
from django.utils.dateparse import parse_datetime
from django_tasks import task
from modelsearch import index
from wagtail.signals import page_published

from kronika.news.models import ArticlePage

# Entries made anew by one task, which then queues the next batch.
BATCH = 500

_left_alone: ContextVar[bool] = ContextVar("first_publications_left_alone", default=False)


@contextmanager
def first_publications_left_alone():
    """Publish without making entries anew, for an import that orders them all afterwards."""
    token = _left_alone.set(True)
    try:
        yield
    finally:
        _left_alone.reset(token)


def index_anew(article: ArticlePage) -> None:
    """Give the article's entry a place after every other entry."""
    with transaction.atomic():
        index.remove_object(article)
        index.insert_or_update_object(article)


@task()
def index_article_anew(pk: int) -> None:
    article = ArticlePage.objects.filter(pk=pk).first()
    if article is not None:
        index_anew(article)


@receiver(page_published, sender=ArticlePage)
def entry_follows_first_publication(sender, instance, **kwargs):
    # Wagtail sets both times from one clock reading only on an article's first publication.
    if not _left_alone.get() and instance.first_published_at == instance.last_published_at:
        index_article_anew.enqueue(instance.pk)


@task()
def index_in_publication_order(since: str, after: tuple[str, int] | None = None) -> None:
    """Make anew, oldest first, the entries of articles first published at or after `since`.

    BATCH at a time: each task queues the next one, which begins after the
    last article it indexed (`after`, its publication time and id), so
    that no two workers ever make these entries at once, out of order.
    """
    articles = ArticlePage.objects.filter(first_published_at__gte=parse_datetime(since))
    if after is not None:
        published, pk = parse_datetime(after[0]), after[1]
        articles = articles.filter(
            Q(first_published_at__gt=published) | Q(first_published_at=published, pk__gt=pk)
        )
    batch = list(articles.order_by("first_published_at", "pk")[:BATCH])
    for article in batch:
        index_anew(article)
    if len(batch) == BATCH:
        last = batch[-1]
        index_in_publication_order.enqueue(since, (last.first_published_at.isoformat(), last.pk))
