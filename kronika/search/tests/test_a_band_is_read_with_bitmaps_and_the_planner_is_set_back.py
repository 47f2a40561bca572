"""On PostgreSQL, a band of entries is read with bitmaps, and the planner is then as it was.

The planner prices testing a row by its operator alone, not by reading the
row's body vector, and chose to test a band's thousands of rows one by one
(265 ms at 100,000 articles) over the BitmapAnd of the GIN index and the
primary key (7.5 ms). The band's query runs with index and sequential scans
off, for that query alone (kronika.search.tsvector).
"""

from unittest import mock, skipUnless

from django.contrib.contenttypes.models import ContentType
from django.db import DataError, connection

from kronika.news.models import ArticlePage
from kronika.search import tsvector
from kronika.search.tests.plans import plan_nodes
from kronika.testing import KronikaTestCase, body, publish_article

ROW_BY_ROW = {"Seq Scan", "Index Scan", "Index Only Scan"}
EVERY_ENTRY = (1, 10**9)


@skipUnless(tsvector.available(), "the bands are PostgreSQL's")
class BandTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        publish_article(cls.news, "Ferry strike", body=body("The harbour is closed."))
        cls.articles = ContentType.objects.get_for_model(ArticlePage).pk

    def setting(self, name: str) -> str:
        with connection.cursor() as cursor:
            cursor.execute(f"SHOW {name}")
            return cursor.fetchone()[0]

    def assertPlannerAsItWas(self):
        # The test runs inside a transaction, where SET LOCAL would otherwise last.
        self.assertEqual(self.setting("enable_indexscan"), "on")
        self.assertEqual(self.setting("enable_seqscan"), "on")

    def test_the_band_is_read_with_bitmaps_only(self):
        condition, params = tsvector.tiers([["harbour"]])[-1].indexed
        explained = "EXPLAIN (FORMAT JSON) " + tsvector.IN_BAND
        with mock.patch.object(tsvector, "IN_BAND", explained):
            (plan,) = tsvector._in_band(self.articles, condition, params, *EVERY_ENTRY)
        kinds = {node["Node Type"] for node in plan_nodes(plan)}
        self.assertIn("Bitmap Heap Scan", kinds)
        self.assertFalse(kinds & ROW_BY_ROW)
        self.assertPlannerAsItWas()

    def test_a_search_through_bands_leaves_the_planner_as_it_was(self):
        with mock.patch.object(tsvector, "MARGIN", 0.01):
            response = self.client.get("/search/", {"q": "harbour"})
        self.assertContains(response, "Ferry strike")
        self.assertPlannerAsItWas()

    def test_a_band_that_fails_leaves_the_planner_as_it_was(self):
        failing = tsvector.IN_BAND + " AND 1 / (entry.id - entry.id) = 1"
        with mock.patch.object(tsvector, "IN_BAND", failing), self.assertRaises(DataError):
            tsvector._in_band(self.articles, "TRUE", [], *EVERY_ENTRY)
        self.assertPlannerAsItWas()
