"""Search straight from the SQLite FTS5 index that Wagtail keeps.

Wagtail's SQLite backend scores each candidate row with its own correlated
FTS5 MATCH, so a word found in many articles costs seconds at 10,000 articles.
Ranking every match by bm25 in one query is better but still reads every
match of a common word (about 150 ms at 100,000 articles). This asks FTS5 for
three tiers instead, each newest first and filtered like any list of
articles: a searched word in the headline, then every word, then any word.
FTS5 reads the most recent matches from the end of its index and stops, so a
common word costs no more than a rare one. The index's entries are made in
order of first publication (`publication_order`), so its end holds the
newest articles. PostgreSQL goes through Wagtail's
backend.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

PER_TIER = 200
FIRST_CANDIDATES = 2 * PER_TIER
CANDIDATES = 2000


def available() -> bool:
    return connection.vendor == "sqlite"


def _quoted(term: str) -> str:
    return '"{}"'.format(term.replace('"', '""'))


def _any(forms: list[str]) -> str:
    return "(" + " OR ".join(_quoted(form) for form in forms) + ")"


def tiers(groups: list[list[str]]) -> list[str]:
    """FTS5 queries for the tiers; each group is a word with its other forms."""
    everything = [form for group in groups for form in group]
    queries = [f"{{title}} : {_any(everything)}"]
    if len(groups) > 1:
        queries.append("{title body} : (" + " AND ".join(_any(g) for g in groups) + ")")
    queries.append(f"{{title body}} : {_any(everything)}")
    return queries


MATCHES = """
    SELECT CAST(entry.object_id AS INTEGER)
    FROM wagtailsearch_indexentry_fts AS fts
    JOIN wagtailsearch_indexentry AS entry ON entry.id = fts.rowid
    WHERE wagtailsearch_indexentry_fts MATCH %s AND entry.content_type_id = %s
      AND fts.rowid BETWEEN %s AND %s
"""
NEWEST = "SELECT * FROM (" + MATCHES + " ORDER BY fts.rowid DESC LIMIT %s)"  # noqa: S608
COUNT_NEWEST = "SELECT COUNT(*) FROM (" + NEWEST + ")"  # noqa: S608 - constant SQL
# Index entry ids are SQLite rowids: positive, and at most this.
EVERY_ENTRY = (1, 2**63 - 1)
ENTRY_IDS = """
    SELECT MIN(entry.id), MAX(entry.id) FROM wagtailsearch_indexentry AS entry
    WHERE entry.content_type_id = %s AND entry.object_id IN ({})
"""


def _matches(query: str, content_type_id: int, entries, limit: int | None) -> RawSQL:
    """The articles matching `query`, the `limit` most recently indexed if given."""
    params = [query, content_type_id, *entries]
    if limit is None:
        return RawSQL(MATCHES, params)  # noqa: S611 - constant SQL, parameters
    return RawSQL(NEWEST, [*params, limit])  # noqa: S611 - constant SQL, parameters


def _more_than(limit: int, query: str, content_type_id: int, entries) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(COUNT_NEWEST, [query, content_type_id, *entries, limit + 1])
        return cursor.fetchone()[0] > limit


def _entry_range(articles, content_type_id: int) -> tuple[int, int]:
    """The first and last index entry of `articles`: where FTS5 need look, and no further.

    Entries are added as articles are published, so a date range of
    articles maps to a narrow band of them, and FTS5 seeks straight to it.
    Whatever the order entries were added in, the band holds every entry of
    `articles`, so nothing is missed; it is only wider.
    """
    keys = articles.order_by().annotate(key=Cast("pk", CharField())).values("key")
    sql, params = keys.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(ENTRY_IDS.format(sql), [content_type_id, *params])
        first, last = cursor.fetchone()
    return (first, last) if first is not None else (0, -1)


def _tier(articles, query: str, content_type_id: int, entries) -> list[int]:
    """At most PER_TIER of `articles` matching `query`, newest first.

    First among the newest matches, a few times PER_TIER and then
    CANDIDATES, which FTS5 reads from the end of its index and stops; only
    when the filters leave too few of those does it take every match.
    """
    newest = articles.newest_first().values_list("pk", flat=True)
    for limit in (FIRST_CANDIDATES, CANDIDATES):
        candidates = _matches(query, content_type_id, entries, limit)
        tier = list(newest.filter(pk__in=candidates)[:PER_TIER])
        if len(tier) == PER_TIER or not _more_than(limit, query, content_type_id, entries):
            return tier
    return list(newest.filter(pk__in=_matches(query, content_type_id, entries, None))[:PER_TIER])


def tiered_ids(
    articles, groups: list[list[str]], *, narrow: bool = False
) -> tuple[list[int], bool]:
    """Ids of `articles` matching the search, tier by tier, each tier newest first.

    `articles` carries the publication, section and date filters. `narrow`
    says they leave few articles (a range of dates), which are then looked
    for only where their index entries lie. A tier holds at most PER_TIER
    articles; the flag says whether one was cut short.
    """
    content_type = ContentType.objects.get_for_model(articles.model).pk
    entries = _entry_range(articles, content_type) if narrow else EVERY_ENTRY
    return merged(_tier(articles, query, content_type, entries) for query in tiers(groups))


def merged(tiers) -> tuple[list[int], bool]:
    """The ids of the tiers in turn, each once, and whether a tier was cut short at PER_TIER."""
    found: list[int] = []
    capped = False
    for tier in tiers:
        capped = capped or len(tier) == PER_TIER
        seen = set(found)
        found += [pk for pk in tier if pk not in seen]
    return found, capped
