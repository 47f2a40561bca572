"""The archive's search index entries, written by a process per CPU."""

import multiprocessing
import os
from contextlib import contextmanager
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction
from modelsearch.index import BaseField
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from kronika.base import stemming
from kronika.news.models import ArticlePage

INDEX_CHUNK = 1_000
MAX_INDEXERS = 4
GIN_INDEXES = """
    SELECT indexname, indexdef FROM pg_indexes
    WHERE tablename = 'wagtailsearch_indexentry' AND indexdef LIKE %s
"""


@contextmanager
def gin_indexes_built_afterwards():
    """On PostgreSQL, load the entries first and build the search's GIN indexes once, after.

    Kept up entry by entry, with pending lists as short as the app keeps them
    (kronika/search/migrations), the four indexes slowed the load of 100,000
    entries: 14 minutes on a slow day, against 8.5 without them plus about one
    to build them all afterwards. They come back as they were defined,
    storage options included.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(GIN_INDEXES, ["% USING gin %"])
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for _, definition in indexes:
                cursor.execute(definition)


@contextmanager
def _search_fields_read_once():
    """Index with each search field read once per article instead of once per index column.

    Indexing is the slowest phase. modelsearch's ObjectIndexer reads every
    search field of an article for each column it fills (3 on SQLite, 5 on
    PostgreSQL), and ArticlePage.search_stems renders the whole body and stems
    each of its words every time: 10.7 ms an article on SQLite, most of it in
    search_stems. Memoising BaseField.get_value per field and object, and the
    pure stemming.stem per word, writes the same index entries in 1.7-2.0 ms.
    Both are restored on leaving; the memo is only valid while the objects it
    was filled from are alive, hence one use per chunk.
    """
    original_get_value, original_stem = BaseField.get_value, stemming.stem
    values = {}

    def get_value(field, obj):
        key = (id(field), id(obj))
        if key not in values:
            values[key] = original_get_value(field, obj)
        return values[key]

    BaseField.get_value = get_value
    stemming.stem = lru_cache(maxsize=None)(original_stem)
    try:
        yield
    finally:
        BaseField.get_value, stemming.stem = original_get_value, original_stem


def index(ids: list[int]) -> None:
    backend = get_search_backend()
    for start in range(0, len(ids), INDEX_CHUNK):
        # ArticlePage.get_indexed_objects() prefetches the bylines but not their
        # authors, which would cost a query per byline.
        articles = list(
            ArticlePage.objects.filter(pk__in=ids[start : start + INDEX_CHUNK])
            .order_by("pk")
            .prefetch_related("tags", "article_authors__author")
        )
        with _search_fields_read_once():
            backend.add_bulk(ArticlePage, articles)


def _index_chunk(ids: list[int]) -> int:
    if connection.vendor == "sqlite":
        # Each indexer holds the write lock for a whole chunk; on a busy
        # machine the others wait longer than the app's 5 s for it.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout = 600000")
    index(ids)
    return len(ids)


def index_in_parallel(ids: list[int], advance) -> None:
    """Index the articles in a process per CPU, a chunk at a time.

    Even reading each field once, indexing costs about 2.3 ms an article on
    SQLite, most of it in Python (loading the article, rendering and stemming
    its body), which processes do side by side; only the inserts wait for each
    other. So no transaction is opened around a chunk (on SQLite
    it would hold the write lock from the start): add_bulk inserts the chunk's
    entries in one. Where fork is not available, the chunks are indexed here.
    """
    chunks = [ids[start : start + INDEX_CHUNK] for start in range(0, len(ids), INDEX_CHUNK)]
    processes = min(os.cpu_count() or 1, MAX_INDEXERS, len(chunks))
    if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in chunks:
            with transaction.atomic():
                advance(_index_chunk(chunk))
        return
    # Each process opens its own connection; a shared one would be corrupted.
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for count in pool.imap_unordered(_index_chunk, chunks):
            advance(count)


def unindexed_articles() -> list[int]:
    """Published articles missing from the search index (the demo leaves that to the worker)."""
    content_type = ContentType.objects.get_for_model(ArticlePage)
    indexed = set(
        IndexEntry.objects.filter(content_type=content_type).values_list("object_id", flat=True)
    )
    return sorted(
        pk
        for pk in ArticlePage.objects.published().values_list("pk", flat=True)
        if str(pk) not in indexed
    )


def newer_than(moment) -> list[ArticlePage]:
    """The published articles first published after `moment`, oldest first."""
    newer = ArticlePage.objects.filter(first_published_at__gt=moment)
    return list(newer.order_by("first_published_at", "pk"))
