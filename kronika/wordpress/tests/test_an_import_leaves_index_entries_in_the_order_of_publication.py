"""An import leaves the search index's entries in the order articles were first published.

An archive imported after launch took entry places after every article the
paper had published since; a search whose tier filled from the newer
entries then showed only the archive (kronika.search.publication_order).
The import makes its articles' entries in order of publication, with those
of every article published since its oldest.
"""

from wagtail.search.models import IndexEntry

from kronika.news.models import ArticlePage
from kronika.testing import body, publish_article
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
