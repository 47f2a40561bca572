"""Search straight from the SQLite FTS5 index that Wagtail keeps.

Wagtail's SQLite backend scores each candidate row with its own correlated
FTS5 MATCH, so a word found in many articles costs seconds at 10,000 articles.
Ranking every match by bm25 in one query is better but still reads every
match of a common word (about 150 ms at 100,000 articles). This asks FTS5 for
three tiers instead, each newest first and filtered like any list of
articles: a searched word in the headline, then every word, then any word.
FTS5 reads the most recent matches from the end of its index and stops, so a
common word costs no more than a rare one. PostgreSQL goes through Wagtail's
backend.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.expressions import RawSQL

PER_TIER = 200
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
"""


def _newest_matches(query: str, content_type_id: int, limit: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            MATCHES + " ORDER BY fts.rowid DESC LIMIT %s", [query, content_type_id, limit]
        )
        return [pk for (pk,) in cursor.fetchall()]


def _all_matches(query: str, content_type_id: int) -> RawSQL:
    return RawSQL(MATCHES, [query, content_type_id])  # noqa: S611 - constant SQL, parameters


def tiered_ids(articles, groups: list[list[str]]) -> tuple[list[int], bool]:
    """Ids of `articles` matching the search, tier by tier, each tier newest first.

    `articles` carries the publication, section and date filters. Each tier
    is first taken from the CANDIDATES most recently indexed matches, which
    FTS5 reads from the end of its index and stops; only when the filters
    leave too few of those does the tier ask for every match. A tier holds
    at most PER_TIER articles; the flag says whether one was cut short.
    """
    content_type = ContentType.objects.get_for_model(articles.model).pk
    found: list[int] = []
    capped = False
    for query in tiers(groups):
        candidates = _newest_matches(query, content_type, CANDIDATES)
        newest = articles.newest_first().values_list("pk", flat=True)
        tier = list(newest.filter(pk__in=candidates)[:PER_TIER])
        if len(candidates) == CANDIDATES and len(tier) < PER_TIER:
            tier = list(newest.filter(pk__in=_all_matches(query, content_type))[:PER_TIER])
        capped = capped or len(tier) == PER_TIER
        seen = set(found)
        found += [pk for pk in tier if pk not in seen]
    return found, capped
