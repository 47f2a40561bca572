"""Search straight from the tsvector columns that Wagtail keeps on PostgreSQL.

Wagtail's PostgreSQL backend ranks every match with ts_rank, which reads the
vectors of each matching row: about a second at 10,000 articles for a word
that many articles use, and ten times that at 100,000. Like `fts` on SQLite,
this asks for three tiers instead, each newest first and filtered like any
list of articles: a searched word in the headline, then every word, then any
word. No rank is computed.

A tier is found one of two ways, whichever reads fewer rows:

- a word few articles use: the GIN indexes on the title and body columns give
  every matching entry, which are joined to the articles and cut at PER_TIER;
- a word many use (more than FEW_MATCHES entries): fetching every match costs
  a heap read for each, hundreds of milliseconds at 100,000 articles, while
  PER_TIER of them are among the newest few thousand articles. So the newest
  articles are taken a chunk at a time, in the list's own order and filters,
  and their entries tested by key until the tier is full. The first chunk is
  as long as the estimate says will fill the tier; later ones CHUNK long.

Which way is decided by the planner's estimate of the matches, from the
statistics ANALYZE keeps of the words in each column (EXPLAIN, which reads no
row). Counting them up to FEW_MATCHES instead cost more than the tier itself:
the planner chose to test the rows one by one until it had counted enough,
reading each body's vector from TOAST, 20 to 70 ms at 10,000 articles for a
common word on a loaded machine. Either way finds the same articles in the
same order, so an estimate that is off costs time, never results. Queries
are made with plainto_tsquery in the database's default text search
configuration, as Wagtail's backend made the vectors
(Kronika sets no SEARCH_CONFIG), so a word is normalised the same way on both
sides.
"""

import json
import math
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.expressions import RawSQL

from kronika.search import fts

FEW_MATCHES = 2_000
CHUNK = 1_000
# Words are not spread evenly over the years: test a quarter more than an even spread needs.
MARGIN = 1.25

MATCHES = """
    SELECT CAST(entry.object_id AS integer) FROM wagtailsearch_indexentry AS entry
    WHERE entry.content_type_id = %s AND ({})
"""
ESTIMATE = "EXPLAIN (FORMAT JSON) " + MATCHES
# The unique index on (content_type_id, object_id) finds each entry by key.
MATCHES_AMONG = MATCHES + " AND entry.object_id = ANY(%s)"


def available() -> bool:
    return connection.vendor == "postgresql"


def _any(forms: list[str]) -> tuple[str, list[str]]:
    """A tsquery matching any of `forms`, and its parameters."""
    return "(" + " || ".join(["plainto_tsquery(%s)"] * len(forms)) + ")", list(forms)


def _in_title_or_body(query: str, params: list[str]) -> tuple[str, list[str]]:
    # Two conditions, each answered by its column's GIN index, rather than one
    # on `title || body`, which no index can answer.
    return f"(entry.title @@ {query} OR entry.body @@ {query})", params * 2


def tiers(groups: list[list[str]]) -> list[tuple[str, list[str]]]:
    """The conditions of the tiers, with their parameters; each group is a word and its forms."""
    everything = [form for group in groups for form in group]
    anywhere, params = _any(everything)
    conditions = [(f"entry.title @@ {anywhere}", params)]
    if len(groups) > 1:
        every = [_in_title_or_body(*_any(group)) for group in groups]
        conditions.append(
            (" AND ".join(sql for sql, _ in every), [p for _, ps in every for p in ps])
        )
    conditions.append(_in_title_or_body(anywhere, params))
    return conditions


def _estimate(content_type: int, condition: str, params: list[str]) -> float:
    """How many entries the planner expects to match `condition`; no row is read."""
    with connection.cursor() as cursor:
        cursor.execute(ESTIMATE.format(condition), [content_type, *params])
        (plan,) = cursor.fetchone()
    if isinstance(plan, str):
        plan = json.loads(plan)
    return plan[0]["Plan"]["Plan Rows"]


def _first_chunk(matches: float, entries: float) -> int:
    """How many of the newest articles to test first: enough to fill the tier, with a margin.

    A word in nine articles of ten fills the tier from the newest 280 or so;
    testing CHUNK of them reads each one's body vector, 10 ms at any size of
    paper. Later chunks are CHUNK long.
    """
    if matches <= 0:
        return CHUNK
    return max(1, min(CHUNK, math.ceil(fts.PER_TIER * MARGIN * entries / matches)))


def _among_the_newest(
    newest, content_type: int, condition: str, params: list[str], first: int
) -> list[int]:
    """The newest PER_TIER matches, testing the newest articles a chunk at a time."""
    found: list[int] = []
    start, size = 0, first
    while len(found) < fts.PER_TIER:
        chunk = list(newest[start : start + size])
        if not chunk:
            break
        with connection.cursor() as cursor:
            cursor.execute(
                MATCHES_AMONG.format(condition),
                [content_type, *params, [str(pk) for pk in chunk]],
            )
            matching = {row[0] for row in cursor.fetchall()}
        found += [pk for pk in chunk if pk in matching]
        start, size = start + size, CHUNK
    return found[: fts.PER_TIER]


def _tier(newest, content_type: int, entries, condition: str, params: list[str]):
    matches = _estimate(content_type, condition, params)
    if matches > FEW_MATCHES:
        first = _first_chunk(matches, entries())
        return _among_the_newest(newest, content_type, condition, params, first)
    found = RawSQL(MATCHES.format(condition), [content_type, *params])  # noqa: S611 - our SQL
    return list(newest.filter(pk__in=found)[: fts.PER_TIER])


def tiered_ids(articles, groups: list[list[str]]) -> tuple[list[int], bool]:
    """Ids of `articles` matching the search, tier by tier, each tier newest first.

    `articles` carries the publication, section and date filters. A tier
    holds at most fts.PER_TIER articles; the flag says whether one was cut short.
    """
    content_type = ContentType.objects.get_for_model(articles.model).pk
    newest = articles.newest_first().values_list("pk", flat=True)
    # The index's size matters only to a tier read the batched way: estimated once, if then.
    entries = cache(lambda: _estimate(content_type, "TRUE", []))
    return fts.merged(
        _tier(newest, content_type, entries, condition, params)
        for condition, params in tiers(groups)
    )
