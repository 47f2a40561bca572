"""On PostgreSQL, new index entries wait in a GIN pending list of at most 128 kB.

Every search reads the whole pending list; at PostgreSQL's default of 4 MB a
newsroom's day of articles made each search of a headline word read hundreds
of pages (kronika/search/migrations/0001_...).
"""

from unittest import skipUnless

from django.db import connection
from django.test import TestCase

from kronika.search import tsvector

OPTIONS = """
    SELECT index.relname, index.reloptions FROM pg_index
    JOIN pg_class AS index ON index.oid = pg_index.indexrelid
    JOIN pg_class AS indexed ON indexed.oid = pg_index.indrelid
    JOIN pg_am ON pg_am.oid = index.relam
    WHERE indexed.relname = 'wagtailsearch_indexentry' AND pg_am.amname = 'gin'
"""


@skipUnless(tsvector.available(), "GIN indexes are PostgreSQL's")
class PendingListTests(TestCase):
    def test_every_gin_index_of_the_search_index_has_a_short_pending_list(self):
        with connection.cursor() as cursor:
            cursor.execute(OPTIONS)
            indexes = dict(cursor.fetchall())
        # The title, body and autocomplete columns, and title and body together.
        self.assertEqual(len(indexes), 4)
        for name, options in indexes.items():
            with self.subTest(name):
                self.assertIn("gin_pending_list_limit=128", options or [])
