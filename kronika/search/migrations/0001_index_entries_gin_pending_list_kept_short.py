"""On PostgreSQL, keep the pending lists of the search index's GIN indexes short.

A GIN index takes new entries into an unsorted pending list first, moved into
the index proper only by (auto)vacuum or once the list outgrows
gin_pending_list_limit, 4 MB by default. Every search reads the whole list:
after the benchmark's load of 10,000 articles the title index's list held
20,339 entries on 313 pages, and each search of a headline word spent 8 to 20
ms reading them, a rare word's whole search 112 ms instead of 45 (the p95 of
the bench's rare searches, best of 3, on a loaded machine). A newsroom adds
articles all day, so the list regrows between vacuums.

With a 128 kB limit the list stays under 16 pages, read in well under a
millisecond, while inserts still move entries in batches. The lists already
there are moved into the indexes now.
"""

from django.db import migrations

# kB, the least PostgreSQL accepts is 64.
PENDING_LIST_LIMIT = 128

GIN_INDEXES = """
    SELECT index.relname FROM pg_index
    JOIN pg_class AS index ON index.oid = pg_index.indexrelid
    JOIN pg_class AS indexed ON indexed.oid = pg_index.indrelid
    JOIN pg_am ON pg_am.oid = index.relam
    WHERE indexed.relname = 'wagtailsearch_indexentry' AND pg_am.amname = 'gin'
"""


def _gin_indexes(cursor) -> list[str]:
    cursor.execute(GIN_INDEXES)
    return [name for (name,) in cursor.fetchall()]


def keep_pending_lists_short(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in _gin_indexes(cursor):
            quoted = schema_editor.quote_name(name)
            cursor.execute(
                f"ALTER INDEX {quoted} SET (gin_pending_list_limit = {PENDING_LIST_LIMIT})"
            )
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [quoted])


def default_pending_lists(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in _gin_indexes(cursor):
            cursor.execute(f"ALTER INDEX {schema_editor.quote_name(name)} RESET (gin_pending_list_limit)")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(keep_pending_lists_short, default_pending_lists)]
