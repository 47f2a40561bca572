"""Search straight from the SQLite FTS5 index that Wagtail keeps.

Wagtail's SQLite backend scores each candidate row with its own correlated
FTS5 MATCH, so a word found in many articles costs seconds at 10,000 articles.
Ranking every match by bm25 in one query is better but still reads every
match of a common word (about 150 ms at 100,000 articles). This asks FTS5 for
three tiers instead, each newest first, which FTS5 answers by walking its
index backwards and stopping at the limit: articles with a searched word in
the headline, then those with every word, then those with any word. The view
then orders each tier by publication date. PostgreSQL goes through Wagtail's
backend, whose ranked query is fine.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection

PER_TIER = 500


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


def ranked_ids(model, groups: list[list[str]]) -> list[list[int]]:
    """Ids of `model`'s objects per tier, newest indexed first, without repeats."""
    content_type = ContentType.objects.get_for_model(model)
    seen: set[int] = set()
    found = []
    with connection.cursor() as cursor:
        for query in tiers(groups):
            cursor.execute(
                """
                SELECT entry.object_id
                FROM wagtailsearch_indexentry_fts AS fts
                JOIN wagtailsearch_indexentry AS entry ON entry.id = fts.rowid
                WHERE wagtailsearch_indexentry_fts MATCH %s AND entry.content_type_id = %s
                ORDER BY fts.rowid DESC
                LIMIT %s
                """,
                [query, content_type.pk, PER_TIER],
            )
            tier = [int(pk) for (pk,) in cursor.fetchall() if int(pk) not in seen]
            seen.update(tier)
            found.append(tier)
    return found
