"""Search straight from the tsvector columns that Wagtail keeps on PostgreSQL.

Wagtail's PostgreSQL backend ranks every match with ts_rank, which reads the
vectors of each matching row: about a second at 10,000 articles for a word
that many articles use, and ten times that at 100,000. Like `fts` on SQLite,
this asks for three tiers instead, each newest first and filtered like any
list of articles: a searched word in the headline, then every word, then any
word. Each tier is a bitmap of matching index entries from Wagtail's GIN
indexes on the title and body columns, joined to the articles and cut at
PER_TIER: no rank is computed and no vector is read.

Queries are made with plainto_tsquery in the database's default text search
configuration, as Wagtail's backend made the vectors (Kronika sets no
SEARCH_CONFIG), so a word is normalised the same way on both sides.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.expressions import RawSQL

from kronika.search import fts

MATCHES = """
    SELECT CAST(entry.object_id AS integer) FROM wagtailsearch_indexentry AS entry
    WHERE entry.content_type_id = %s AND ({})
"""


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


def tiered_ids(articles, groups: list[list[str]]) -> tuple[list[int], bool]:
    """Ids of `articles` matching the search, tier by tier, each tier newest first.

    `articles` carries the publication, section and date filters. A tier
    holds at most fts.PER_TIER articles; the flag says whether one was cut short.
    """
    content_type = ContentType.objects.get_for_model(articles.model).pk
    newest = articles.newest_first().values_list("pk", flat=True)
    found: list[int] = []
    capped = False
    for condition, params in tiers(groups):
        matches = RawSQL(MATCHES.format(condition), [content_type, *params])  # noqa: S611 - our SQL, parameters
        tier = list(newest.filter(pk__in=matches)[: fts.PER_TIER])
        capped = capped or len(tier) == fts.PER_TIER
        seen = set(found)
        found += [pk for pk in tier if pk not in seen]
    return found, capped
