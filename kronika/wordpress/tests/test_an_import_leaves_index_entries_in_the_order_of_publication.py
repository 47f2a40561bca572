"""An import leaves the search index's entries in the order articles were first published.

An archive imported after launch took entry places after every article the
paper had published since; a search whose tier filled from the newer
entries then showed only the archive (kronika.search.publication_order).
The import makes its articles' entries in order of publication, with those
of every article published since its oldest.
"""

import sqlite3
from contextlib import contextmanager

from django.db import connection
from wagtail.search.models import IndexEntry

from kronika.news.models import ArticlePage
from kronika.testing import body, publish_article
from kronika.wordpress.indexing import _publication_order
from kronika.wordpress.tests.exports import ImportTestCase, export, item


class ImportedEntriesTests(ImportTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.own = publish_article(cls.news, "Zeppelin today", body=body("Zeppelin."))

    def test_entries_follow_first_publication_across_the_paper_and_the_archive(self):
        # The export lists its posts newest first, as some exports do.
        posts = [
            item(number, f"Zeppelin story {number}", when=f"2017-05-{number:02d} 09:00:00")
            for number in range(9, 0, -1)
        ]
        self.import_text(export(*posts))
        entries = IndexEntry.objects.filter(content_type__model="articlepage").order_by("pk")
        ids = [int(pk) for pk in entries.values_list("object_id", flat=True)]
        published = dict(ArticlePage.objects.values_list("pk", "first_published_at"))
        dates = [published[pk] for pk in ids if published.get(pk) is not None]
        self.assertEqual(len(dates), 10)
        self.assertEqual(dates, sorted(dates))
        self.assertEqual(ids[-1], self.own.pk)

    def test_an_import_of_more_posts_than_sqlite_takes_variables_is_ordered(self):
        imported = set(range(10**6, 10**6 + 40_000)) | {self.own.pk}
        with upstream_sqlite_variable_limit():
            self.assertEqual(_publication_order().ordered(imported), {self.own.pk})


@contextmanager
def upstream_sqlite_variable_limit():
    """SQLite's own limit of 32,766 variables a statement; Debian's build allows 250,000."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    before = raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32_766)
    try:
        yield
    finally:
        raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, before)
