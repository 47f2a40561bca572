"""On PostgreSQL, one GIN index over an entry's title and body vectors together.

Wagtail indexes the title and the body vectors apart. A search for every word
of "wind energy" needs each word in the title or the body, which those two
indexes can only answer for one word at a time: the planner took the entries
with the first word from the index (15,478 at 100,000 articles) and read the
body vector of each, from TOAST, to test the second, 75 of the tier's 127 ms.
Over `title || body` the index holds every word of an entry, so it intersects
the words' lists itself and only matching entries are read. ANALYZE keeps
statistics of the indexed expression, so the planner's estimate of a search's
matches (see kronika.search.tsvector) comes from the words of both fields.

Its pending list is kept as short as the others' (migration 0001). On a paper
of 100,000 articles the index builds in about 23 s, during which searches go
on but new index entries wait.
"""

from django.db import migrations

INDEX = "kronika_search_entry_title_body"
PENDING_LIST_LIMIT = 128  # kB, as in 0001


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
        f"USING gin ((title || body)) WITH (gin_pending_list_limit = {PENDING_LIST_LIMIT})"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_index_entries_gin_pending_list_kept_short")]

    operations = [migrations.RunPython(create_index, drop_index)]
