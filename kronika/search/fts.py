"""Ranked search straight from the SQLite FTS5 index that Wagtail keeps.

Wagtail's SQLite backend scores each candidate row with its own correlated
FTS5 MATCH, so a word found in many articles costs seconds at 10,000 articles
and minutes at 100,000. The index is the same; this asks FTS5 once, ranked by
its own bm25 with headlines weighted above bodies, and keeps the best
MAX_CANDIDATES matches. PostgreSQL goes through Wagtail's backend, whose
ranked query is fine.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection

MAX_CANDIDATES = 1000
# bm25 weights of the index's columns, in the order Wagtail creates them.
WEIGHTS = {"autocomplete": 0.0, "body": 1.0, "title": 10.0}


def available() -> bool:
    return connection.vendor == "sqlite"


def _match(terms: list[str]) -> str:
    quoted = " OR ".join('"{}"'.format(term.replace('"', '""')) for term in terms)
    return f"{{title body}} : ({quoted})"


def ranked_ids(model, terms: list[str]) -> list[int]:
    """Ids of `model`'s objects matching any of `terms`, best first."""
    weights = ", ".join(str(weight) for weight in WEIGHTS.values())
    content_type = ContentType.objects.get_for_model(model)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT entry.object_id
            FROM wagtailsearch_indexentry_fts AS fts
            JOIN wagtailsearch_indexentry AS entry ON entry.id = fts.rowid
            WHERE wagtailsearch_indexentry_fts MATCH %s AND entry.content_type_id = %s
            ORDER BY bm25(wagtailsearch_indexentry_fts, {weights})
            LIMIT %s
            """,  # noqa: S608 - the weights are our own constants
            [_match(terms), content_type.pk, MAX_CANDIDATES],
        )
        return [int(object_id) for (object_id,) in cursor.fetchall()]
