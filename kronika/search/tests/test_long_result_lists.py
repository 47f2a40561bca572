from datetime import date, timedelta
from unittest import mock, skipUnless

from kronika.search import fts, tsvector
from kronika.testing import KronikaTestCase, body, publish_article


class LongResultListTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for days in (1, 2, 3, 40):
            publish_article(
                cls.news,
                f"Energy story from {days} days ago",
                body=body("Wind and solar energy."),
                when=cls.days_ago(days),
            )

    def search(self, **params):
        return self.client.get("/search/", params)

    @mock.patch.object(fts, "PER_TIER", 2)
    def test_filters_apply_before_the_list_is_cut_short(self):
        day = date.today() - timedelta(days=40)
        response = self.search(q="energy", **{"from": day - timedelta(days=2), "to": day})
        self.assertContains(response, "Energy story from 40 days ago")
        self.assertNotContains(response, "Energy story from 1 days ago")

    @skipUnless(fts.available() or tsvector.available(), "the result limit is Kronika's tiers'")
    @mock.patch.object(fts, "PER_TIER", 2)
    def test_a_list_cut_short_says_there_are_more(self):
        self.assertContains(self.search(q="energy"), "More than")

    def test_a_search_without_results_says_so(self):
        response = self.search(q="zzzzqqqq")
        self.assertContains(response, "0 results")
        self.assertContains(response, "Nothing found")
