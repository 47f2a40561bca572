"""On PostgreSQL, how a tier looks for its articles depends on how common its words are.

A word in at most half of the entries is looked for in bands of the newest
entries, the first wide enough to fill the tier by the planner's estimate;
a commoner one among the newest listed articles, tested row by row
(kronika.search.tsvector). Which way comes from the planner's estimate: no
query counts the matches, which cost more than the tier itself.
"""

from unittest import mock, skipUnless

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import SimpleTestCase
from django.test.utils import CaptureQueriesContext

from kronika.news.models import ArticlePage
from kronika.search import fts, tsvector
from kronika.testing import KronikaTestCase, body, publish_article


class FirstLookTests(SimpleTestCase):
    def test_a_word_in_one_entry_of_ten_is_looked_for_among_the_newest_2500(self):
        self.assertEqual(fts.PER_TIER, 200)
        self.assertEqual(tsvector.first_look(10_000, 100_000), 2_500)

    def test_a_word_in_every_entry_needs_a_quarter_more_than_a_tier(self):
        self.assertEqual(tsvector.first_look(100_000, 100_000), 250)

    def test_a_word_the_planner_expects_nowhere_is_looked_for_everywhere(self):
        self.assertEqual(tsvector.first_look(0, 100_000), 100_000)


@skipUnless(tsvector.available(), "the ways are PostgreSQL's")
class WayTakenTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for number in range(1, 4):
            publish_article(cls.news, f"Ferry story {number}", body=body("Ferry timetable."))

    def queries(self, share: float, **params) -> list[str]:
        """The search's queries of the index, the planner expecting `share` of the entries."""
        first, last = tsvector._entries(ContentType.objects.get_for_model(ArticlePage).pk)
        expected = share * (last - first + 1)
        with (
            mock.patch.object(tsvector, "_estimate", return_value=expected),
            mock.patch.object(fts, "PER_TIER", 1),
            CaptureQueriesContext(connection) as queries,
        ):
            response = self.client.get("/search/", {"q": "ferry", **params})
        self.assertContains(response, "Ferry story")
        return [q["sql"] for q in queries.captured_queries if "indexentry" in q["sql"]]

    def test_a_word_in_half_the_entries_is_looked_for_in_bands(self):
        sql = self.queries(tsvector.COMMON)
        self.assertTrue([q for q in sql if "entry.id BETWEEN" in q])
        self.assertFalse([q for q in sql if "= ANY(" in q])

    def test_a_commoner_word_is_tested_among_the_newest_articles(self):
        sql = self.queries(0.9)
        self.assertTrue([q for q in sql if "= ANY(" in q])
        self.assertFalse([q for q in sql if "entry.id BETWEEN" in q])

    def test_a_section_is_never_looked_for_in_bands(self):
        sql = self.queries(tsvector.COMMON, section="news")
        self.assertFalse([q for q in sql if "entry.id BETWEEN" in q])

    def test_a_search_counts_no_matches(self):
        for share in (0.1, 0.9):
            with self.subTest(share=share):
                self.assertFalse([q for q in self.queries(share) if "COUNT(" in q.upper()])
