"""A reader's vote changes only its article's page: no kept teaser or site data is built again."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kronika.pagecache.fragments import fragments
from kronika.testing import KronikaTestCase, publish_article, rate, without_page_cache


@without_page_cache()
class VoteKeepsKeptPartsTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.first = publish_article(cls.news, "Budget passes", when=cls.days_ago(3))
        cls.second = publish_article(cls.news, "Harbour reopens", when=cls.days_ago(2))

    def queries(self, url) -> int:
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(captured)

    def test_the_other_pages_cost_what_they_did_before_the_vote(self):
        for url in ("/", "/news/", self.first.url, self.second.url):
            self.client.get(url)
        kept = len(fragments)
        warm = {url: self.queries(url) for url in ("/", "/news/", self.second.url)}
        self.assertEqual(rate(self.client, self.first, 4).status_code, 303)
        self.client.cookies.clear()
        self.assertEqual(len(fragments), kept)
        for url, count in warm.items():
            with self.subTest(url=url):
                self.assertEqual(self.queries(url), count)
