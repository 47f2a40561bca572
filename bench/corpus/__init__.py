"""A large synthetic archive for the benchmark, added to the demo paper with bulk inserts.

`generate(100_000)` gives the demo paper ten years of back issues: articles of
realistic length with bylines, tags, pictures, related-articles lists and
search index entries, all older than the articles already there, so the front
of the paper stays as the demo wrote it.

Saving pages one at a time through Wagtail costs tens of milliseconds each, so
rows are written directly. A Wagtail page is two rows (wagtailcore_page and
news_articlepage), and Django's bulk_create refuses multi-table models, so both
are written as plain rows whose values the models' own fields prepare (see
`rows.Rows`). No signals are sent, so what a published article gets from them is
filled in here: its related-articles terms and stored list, and its search
index entry. No revisions are created: reader pages never read them, and the
admin edits a page that has none.
"""

import random
import time
from collections import Counter
from contextlib import contextmanager
from datetime import timedelta

from django.db import connection, transaction
from wagtail.search.backends import get_search_backend

from bench.corpus.indexing import (
    gin_indexes_built_afterwards,
    index,
    index_in_parallel,
    newer_than,
    unindexed_articles,
)
from bench.corpus.prose import PLACES, Vocabulary, Writer
from bench.corpus.related_lists import Filed, related_lists
from bench.corpus.rows import (
    Paper,
    check_terms,
    drafts_of,
    insert_rows,
    verify,
    write_links,
    write_pages,
    write_terms,
)
from kronika.news.models import Author, RelatedArticle
from kronika.search.publication_order import index_anew

__all__ = ["PLACES", "Vocabulary", "generate"]

BATCH = 5_000


@contextmanager
def _phase(seconds: dict, name: str):
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start


def generate(articles: int, *, seed: int = 1, progress=None) -> dict:
    """Add `articles` published articles to the paper's archive; returns counts and seconds.

    Deterministic for a seed and a database. Running it again adds another
    batch, older still, with new slugs. `progress(done, total)` is called after
    every batch of every phase; `total` is three times `articles` (pages, related lists,
    search index).
    """
    seconds = {}
    started = time.perf_counter()
    total, done = 3 * articles, 0

    def advance(count):
        nonlocal done
        done += count
        if progress:
            progress(done, total)

    vocabulary = Vocabulary(seed)
    with _phase(seconds, "authors_tags"), transaction.atomic():
        paper = Paper(vocabulary)
    rng = random.Random(f"kronika-bench-articles:{seed}:{paper.existing_articles}")  # noqa: S311
    with _phase(seconds, "text"):
        writer = Writer(vocabulary, rng)
        span = (paper.until - paper.since).total_seconds()
        moments = sorted(
            paper.since + timedelta(seconds=rng.random() * span) for _ in range(articles)
        )

    counts = Counter(articles=articles, authors=paper.new_authors, tags=paper.new_tags)
    filed: list[Filed] = []
    for start in range(0, articles, BATCH):
        with _phase(seconds, "text"):
            serial = paper.existing_articles + start + 1
            drafts = drafts_of(paper, writer, vocabulary, moments[start : start + BATCH], serial)
        with transaction.atomic():
            with _phase(seconds, "pages"):
                ids = write_pages(paper, drafts)
                bylines, taggings = write_links(ids, drafts)
            with _phase(seconds, "terms"):
                terms, first = write_terms(paper, ids, drafts)
                if start == 0:
                    check_terms(*first)
        counts.update(bylines=bylines, taggings=taggings, terms=terms)
        filed += [
            Filed(pk, draft.section, draft.tags) for pk, draft in zip(ids, drafts, strict=True)
        ]
        advance(len(drafts))

    with _phase(seconds, "related"):
        lists = related_lists(filed)
        for start in range(0, len(filed), BATCH):
            batch = min(BATCH, len(filed) - start)
            rows = [row for _ in range(batch) for row in next(lists)]
            with transaction.atomic():
                counts["related"] += insert_rows(
                    RelatedArticle, ["article", "related", "rank", "score"], rows
                )
            advance(batch)

    with _phase(seconds, "search_index"), gin_indexes_built_afterwards():
        ids = [article.pk for article in filed]
        index_in_parallel(ids, advance)
        missing = unindexed_articles()
        with transaction.atomic():
            index(missing)
            get_search_backend().add_bulk(Author, list(Author.objects.all()))
        # The paper's own articles, newer than the whole archive, were indexed
        # before it: their entries are made anew after the archive's, as an
        # import leaves a paper's (kronika.search.publication_order).
        for article in newer_than(paper.until):
            index_anew(article)
        counts["indexed"] = len(ids) + len(missing)

    with _phase(seconds, "analyze"), connection.cursor() as cursor:
        # Query plans as the served paper has them: `kronika serve` analyses a
        # SQLite database when it starts, and autovacuum a PostgreSQL one soon
        # after a bulk load (at some moment during the benchmark otherwise).
        # On PostgreSQL the vacuum matters as much: Wagtail writes each index
        # entry and then updates it, and until a vacuum every search reads
        # the dead copy of each match too (a p95 of 266 ms against 188 after).
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    if filed:
        verify(paper, filed[len(filed) // 2].pk)
    seconds["total"] = time.perf_counter() - started
    return {
        **counts,
        "window": [paper.since.isoformat(), paper.until.isoformat()],
        "seconds": {name: round(value, 2) for name, value in seconds.items()},
    }
