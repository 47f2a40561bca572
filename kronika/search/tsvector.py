"""Search straight from the tsvector columns that Wagtail keeps on PostgreSQL.

Wagtail's PostgreSQL backend ranks every match with ts_rank, which reads the
vectors of each matching row: about a second at 10,000 articles for a word
that many articles use, and ten times that at 100,000. Like `fts` on SQLite,
this asks for three tiers instead, each newest first and filtered like any
list of articles: a searched word in the headline, then every word, then any
word. No rank is computed.

A tier is found one of three ways:

- in bands of the newest entries, for a word in at most half of them, when
  no section or dates narrow the list. As `fts` does with FTS5's rowids, a
  tier looks first among the most recently added entries, a band of entry
  ids ending at the newest, and widens the band until the tier is full or
  the band holds every entry. Entries are made in order of first
  publication (`publication_order`), so the newest band holds the newest
  articles; the tier is the newest of the band's matches that the list
  keeps. A band is read with two indexes at once: the words' GIN index
  gives every matching entry as a bitmap, the primary key the band, and the
  heap is visited only for entries in both (a BitmapAnd), a few
  milliseconds however many entries match;
- by testing the newest listed articles, for a word in more than half of
  them, or in a narrowed list where that costs less than the next way. The
  newest articles are taken a chunk at a time, in the list's own order and
  filters, and their entries tested row by row until the tier is full;
- by reading every match, for a word few articles use or in a narrowed
  list (a section's articles are a few among the newest entries, and a
  range of dates may lie anywhere).

Why the planner is told to use bitmaps for a band: it prices testing a row
by the operator alone, not by reading the row's body vector from TOAST,
which costs 15 to 30 µs. So for a band of a few thousand entries it chose
to test each row (265 ms for a word in one entry of nine, at 100,000
articles) over the BitmapAnd (7.5 ms). With index and sequential scans off
for that one query, it took the BitmapAnd for a word in up to 60 % of the
entries, and tested the rows of a word in nearly all of them, which is why
bands are for words in at most half (issue 22).

Which way, and how wide the first band or chunk, comes from the planner's
estimate of the matches, from the statistics ANALYZE keeps of the words in
each indexed column or expression (EXPLAIN, which reads no row). Counting
them instead cost more than the tier itself. An estimate that is off costs
time, never results. Queries are made with plainto_tsquery in the database's
default text search configuration, as Wagtail's backend made the vectors
(Kronika sets no SEARCH_CONFIG), so a word is normalised the same way on
both sides.
"""

import json
import math
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models.expressions import RawSQL

from kronika.search import fts

# A word in more of the entries than this is tested among the newest articles.
COMMON = 0.5
# In a narrowed list, below this many matches a tier reads them all.
FEW_MATCHES = 2_000
# Testing one of the newest articles costs about twice what reading one match does.
TESTED_COST = 2
# The narrowest band looked at first, in entries, and each next band's growth.
BAND = 1_000
WIDER = 4
# Later chunks of the newest articles tested row by row.
CHUNK = 1_000
# Words are not spread evenly over the years: take a quarter more than an even spread needs.
MARGIN = 1.25

MATCHES = """
    SELECT CAST(entry.object_id AS integer) FROM wagtailsearch_indexentry AS entry
    WHERE entry.content_type_id = %s AND ({})
"""
ESTIMATE = "EXPLAIN (FORMAT JSON) " + MATCHES
IN_BAND = MATCHES + " AND entry.id BETWEEN %s AND %s"
# The unique index on (content_type_id, object_id) finds each entry by key.
MATCHES_AMONG = MATCHES + " AND entry.object_id = ANY(%s)"
ENTRY_IDS = """
    SELECT MIN(entry.id), MAX(entry.id) FROM wagtailsearch_indexentry AS entry
    WHERE entry.content_type_id = %s
"""
BITMAPS_ONLY = "SET LOCAL enable_indexscan = off; SET LOCAL enable_seqscan = off"
PLAN_AS_BEFORE = "SET LOCAL enable_indexscan TO DEFAULT; SET LOCAL enable_seqscan TO DEFAULT"
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


def _entries(content_type: int) -> tuple[int, int]:
    """The first and last entry id of the content type; (0, -1) when it has none."""
    with connection.cursor() as cursor:
        cursor.execute(ENTRY_IDS, [content_type])
        first, last = cursor.fetchone()
    return (first, last) if first is not None else (0, -1)


def first_look(matches: float, entries: int) -> int:
    """How many of the newest entries or articles to look among first, to fill a tier.

    A tier of 200, a quarter more, and as many more as the matches are rare:
    a word in one entry of ten is looked for among the newest 2,500.
    """
    if matches <= 0:
        return max(entries, 1)
    return max(1, math.ceil(fts.PER_TIER * MARGIN * entries / matches))


def _in_band(content_type: int, condition: str, params: list[str], start: int, end: int):
    """The articles of entries from `start` to `end` that match, read with bitmaps only."""
    with transaction.atomic(), connection.cursor() as cursor:
        # SET LOCAL ends with the transaction; set back at once, it also ends
        # here when the request runs inside one (as tests do). A failed query
        # rolls back to atomic()'s savepoint, which undoes it too.
        cursor.execute(BITMAPS_ONLY)
        cursor.execute(IN_BAND.format(condition), [content_type, *params, start, end])
        found = [row[0] for row in cursor.fetchall()]
        cursor.execute(PLAN_AS_BEFORE)
    return found


def _listed(newest, found: list[int]) -> list[int]:
    """The newest PER_TIER of `found` that the list's filters keep."""
    # One array rather than a placeholder an id: Django and psycopg prepare
    # each placeholder in Python, 20 ms for a band's thousands.
    among = RawSQL("SELECT unnest(%s::integer[])", [found])
    return list(newest.filter(pk__in=among)[: fts.PER_TIER])


def _in_bands(newest, content_type: int, entries: tuple[int, int], tier: Tier, width: int):
    """The newest PER_TIER matches, found in the newest band of entries that holds enough.

    Each band adds the entries just before the last one: what the bands
    before it listed is carried on, so no entry is read or listed twice.
    """
    condition, params = tier.indexed
    first, end = entries
    width = max(width, BAND)
    listed: list[int] = []
    while True:
        start = max(first, end - width + 1)
        listed = _listed(newest, listed + _in_band(content_type, condition, params, start, end))
        if start <= first or len(listed) == fts.PER_TIER:
            return listed
        end, width = start - 1, width * (WIDER - 1)


def _among_the_newest(newest, content_type: int, tier: Tier, first: int) -> list[int]:
    """The newest PER_TIER matches, testing the newest articles a chunk at a time."""
    condition, params = tier.per_row
    found: list[int] = []
    start, size = 0, min(first, CHUNK)
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


def _newest_first_is_cheaper(matches: float, entries: int) -> bool:
    """Whether testing the newest articles costs less than reading every match.

    For a word few use, or a list a section or dates narrow: a tier either
    reads every match, each joined to its article (about 8 µs apiece), or
    tests the newest listed articles, which are fewer the more common the
    word (about 15 µs apiece, twice as much). At 100,000 entries the two cost
    the same at about 7,000 matches.
    """
    if matches <= FEW_MATCHES:
        return False
    return first_look(matches, entries) * TESTED_COST < matches


def _every_match(newest, content_type: int, tier: Tier) -> list[int]:
    condition, params = tier.indexed
    found = RawSQL(MATCHES.format(condition), [content_type, *params])  # noqa: S611 - our SQL
    return list(newest.filter(pk__in=found)[: fts.PER_TIER])


def _tier(newest, content_type: int, entries: tuple[int, int], tier: Tier, filtered: bool):
    condition, params = tier.indexed
    matches = _estimate(content_type, condition, params)
    # The span of ids stands for the count: other models' entries in it
    # make a word look a little rarer than it is, and a band a little wider.
    count = entries[1] - entries[0] + 1
    first = first_look(matches, count)
    if matches > COMMON * count or (filtered and _newest_first_is_cheaper(matches, count)):
        return _among_the_newest(newest, content_type, tier, first)
    if filtered or first >= count:
        return _every_match(newest, content_type, tier)
    return _in_bands(newest, content_type, entries, tier, first)


def tiered_ids(articles, groups: list[list[str]], *, filtered: bool) -> tuple[list[int], bool]:
    """Ids of `articles` matching the search, tier by tier, each tier newest first.

    `articles` carries the publication, section and date filters; `filtered`
    says whether a section or dates narrow it, which bands do not serve: the
    newest entries' articles would mostly be filtered out. A tier holds at
    most fts.PER_TIER articles; the flag says whether one was cut short.
    """
    content_type = ContentType.objects.get_for_model(articles.model).pk
    entries = _entries(content_type)
    newest = articles.newest_first().values_list("pk", flat=True)
    return fts.merged(
        _tier(newest, content_type, entries, tier, filtered) for tier in tiers(groups)
    )
