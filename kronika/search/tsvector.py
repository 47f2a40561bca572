"""Search straight from the tsvector columns that Wagtail keeps on PostgreSQL.

Wagtail's PostgreSQL backend ranks every match with ts_rank, which reads the
vectors of each matching row: about a second at 10,000 articles for a word
that many articles use, and ten times that at 100,000. Like `fts` on SQLite,
this asks for three tiers instead, each newest first and filtered like any
list of articles: a searched word in the headline, then every word, then any
word. No rank is computed.

A tier is found one of two ways, whichever costs less:

- reading every match: a GIN index gives every matching entry, which are
  joined to the articles and cut at PER_TIER. The headline tier uses the
  title column's index; the others the index over title and body together
  (migration 0002), which finds the entries holding every word by itself;
- testing the newest articles: reading every match costs a heap read for
  each, hundreds of milliseconds at 100,000 articles for a common word,
  while PER_TIER of them are among the newest few thousand articles. So the
  newest articles are taken a chunk at a time, in the list's own order and
  filters, and their entries tested by key until the tier is full. The first
  chunk is as long as the estimate says will fill the tier; later ones CHUNK
  long.

The first costs in proportion to the matches and the second to the articles
tested, which are fewer the more matches there are; see
`_newest_first_is_cheaper`. A fixed threshold of 2,000 matches made a
headline word found in 2,300 headlines test 9,000 articles, 10 chunks and
160 ms, where reading its matches took 19.

Which way is decided by the planner's estimate of the matches, from the
statistics ANALYZE keeps of the words in each indexed column or expression
(EXPLAIN, which reads no row). Counting them instead cost more than the
tier itself: the planner chose to test the rows one by one until it had
counted enough, reading each body's vector from TOAST, 20 to 70 ms at 10,000
articles for a common word on a loaded machine. Either way finds the same
articles in the same order, so an estimate that is off costs time, never
results. Queries are made with plainto_tsquery in the database's default
text search configuration, as Wagtail's backend made the vectors (Kronika
sets no SEARCH_CONFIG), so a word is normalised the same way on both sides.
"""

import json
import math
from dataclasses import dataclass
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.expressions import RawSQL

from kronika.search import fts

# Below this many matches a tier reads them all, whatever the paper's size.
FEW_MATCHES = 2_000
# Testing one of the newest articles (listing it, then reading its entry by
# key) costs about twice what reading one match from the GIN index does.
TESTED_COST = 2
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
# What the GIN index of migration 0002 holds: every word of an entry.
TITLE_AND_BODY = "(entry.title || entry.body)"


def available() -> bool:
    return connection.vendor == "postgresql"


def _any(forms: list[str]) -> tuple[str, list[str]]:
    """A tsquery matching any of `forms`, and its parameters."""
    return "(" + " || ".join(["plainto_tsquery(%s)"] * len(forms)) + ")", list(forms)


def _joined(parts: list[tuple[str, list[str]]], operator: str) -> tuple[str, list[str]]:
    """SQL parts joined by `operator`, with their parameters in order."""
    return operator.join(sql for sql, _ in parts), [p for _, params in parts for p in params]


def _in_title_or_body(query: str, params: list[str]) -> tuple[str, list[str]]:
    # Tested row by row, each column on its own: concatenating the two
    # vectors first would copy every body tested.
    return f"(entry.title @@ {query} OR entry.body @@ {query})", params * 2


@dataclass(frozen=True)
class Tier:
    """A tier's condition twice over, with parameters: for the GIN indexes, and row by row."""

    indexed: tuple[str, list[str]]
    per_row: tuple[str, list[str]]


def tiers(groups: list[list[str]]) -> list[Tier]:
    """The conditions of the tiers; each group is a word and its forms."""
    everything = [form for group in groups for form in group]
    anywhere, params = _any(everything)
    in_title = (f"entry.title @@ {anywhere}", params)
    found = [Tier(in_title, in_title)]
    if len(groups) > 1:
        words = [_any(group) for group in groups]
        every, every_params = _joined(words, " && ")
        found.append(
            Tier(
                (f"{TITLE_AND_BODY} @@ ({every})", every_params),
                _joined([_in_title_or_body(*word) for word in words], " AND "),
            )
        )
    found.append(
        Tier((f"{TITLE_AND_BODY} @@ {anywhere}", params), _in_title_or_body(anywhere, params))
    )
    return found


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


def _newest_first_is_cheaper(matches: float, entries: float) -> bool:
    """Whether testing the newest articles costs less than reading every match.

    Reading the matches costs in proportion to their number; testing the
    newest, in proportion to how many must be tested to fill the tier, which
    is fewer the more common the word. At 100,000 entries the two cost the
    same at about 7,000 matches, and either then costs about 35 ms.
    """
    if matches <= FEW_MATCHES:
        return False
    tested = fts.PER_TIER * MARGIN * entries / matches
    return tested * TESTED_COST < matches


def _tier(newest, content_type: int, entries, tier: Tier):
    condition, params = tier.indexed
    matches = _estimate(content_type, condition, params)
    if _newest_first_is_cheaper(matches, entries()):
        first = _first_chunk(matches, entries())
        return _among_the_newest(newest, content_type, *tier.per_row, first)
    found = RawSQL(MATCHES.format(condition), [content_type, *params])  # noqa: S611 - our SQL
    return list(newest.filter(pk__in=found)[: fts.PER_TIER])


def tiered_ids(articles, groups: list[list[str]]) -> tuple[list[int], bool]:
    """Ids of `articles` matching the search, tier by tier, each tier newest first.

    `articles` carries the publication, section and date filters. A tier
    holds at most fts.PER_TIER articles; the flag says whether one was cut short.
    """
    content_type = ContentType.objects.get_for_model(articles.model).pk
    newest = articles.newest_first().values_list("pk", flat=True)
    # The index's size matters only to a tier of more than FEW_MATCHES: estimated once, if then.
    entries = cache(lambda: _estimate(content_type, "TRUE", []))
    return fts.merged(_tier(newest, content_type, entries, tier) for tier in tiers(groups))
