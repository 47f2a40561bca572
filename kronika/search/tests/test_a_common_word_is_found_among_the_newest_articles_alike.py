"""On PostgreSQL, a word many articles use is looked for among the newest, with the same results.

When that costs less than reading every match, a tier tests the newest
articles a chunk at a time (kronika.search.tsvector). Here every word counts
as common and chunks are two articles long, so each
search takes the chunked way through several chunks; it must find what the
direct way finds, in the same order, with the same filters.
"""

from datetime import date, timedelta
from unittest import mock, skipUnless

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kronika.search import fts, tsvector
from kronika.testing import KronikaTestCase, body, publish_article

SEARCHES = [
    {"q": "ferry"},
    {"q": "ferry timetable"},
    {"q": "harbour"},
    {"q": "ferry", "section": "sport"},
    {"q": "ferry", "from": str(date.today() - timedelta(days=6)), "to": str(date.today())},
]


@skipUnless(tsvector.available(), "the chunked search is PostgreSQL's")
class CommonWordTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for days in range(1, 12):
            publish_article(
                cls.sport if days % 3 == 0 else cls.news,
                f"Ferry story {days}" if days % 2 else f"Harbour story {days}",
                body=body("The ferry timetable changes." if days % 4 else "The harbour is busy."),
                when=cls.days_ago(days),
            )

    def titles(self, params) -> list[str]:
        response = self.client.get("/search/", params)
        self.assertEqual(response.status_code, 200)
        soup = BeautifulSoup(response.content, "html.parser")
        return [a.get_text() for a in soup.select(".search-results .teaser-title a")]

    def test_the_chunked_way_finds_what_the_direct_way_finds(self):
        for params in SEARCHES:
            with self.subTest(**params):
                direct = self.titles(params)
                with (
                    mock.patch.object(tsvector, "_newest_first_is_cheaper", return_value=True),
                    mock.patch.object(tsvector, "CHUNK", 2),
                ):
                    chunked = self.titles(params)
                self.assertTrue(direct)
                self.assertEqual(chunked, direct)


@skipUnless(tsvector.available(), "the chunked search is PostgreSQL's")
class WayChosenWithoutReadingTests(KronikaTestCase):
    """Which way a tier takes comes from the planner's estimate: no query counts the matches.

    Counting them up to FEW_MATCHES tested a common word's rows one by one,
    reading each body's vector, and cost more than the tier itself.
    """

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        publish_article(cls.news, "Ferry story", body=body("The ferry timetable changes."))

    def test_a_search_counts_no_matches(self):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/search/", {"q": "ferry timetable"})
        self.assertContains(response, "Ferry story")
        tiers = [q["sql"] for q in queries.captured_queries if "indexentry" in q["sql"]]
        self.assertTrue(tiers)
        self.assertFalse([sql for sql in tiers if "COUNT(" in sql.upper()])


@skipUnless(tsvector.available(), "the chunked search is PostgreSQL's")
@mock.patch.object(fts, "PER_TIER", 2)
@mock.patch.object(tsvector, "_newest_first_is_cheaper", return_value=True)
class FirstChunkTests(CommonWordTests):
    """A word the planner expects in every entry is tested first among only a few more
    of the newest articles than a tier holds, and finds what the direct way finds."""

    def test_the_first_chunk_is_sized_by_how_common_the_word_is(self, _cheaper):
        with (
            mock.patch.object(tsvector, "_estimate", return_value=100),
            CaptureQueriesContext(connection) as queries,
        ):
            self.titles({"q": "ferry"})
        tested = [q["sql"] for q in queries.captured_queries if "= ANY(" in q["sql"]]
        # PER_TIER 2, a quarter more, and every entry matching: the newest 3 articles.
        self.assertEqual(tested[0].count(","), 2)

    def test_the_chunked_way_finds_what_the_direct_way_finds(self, cheaper):
        for params in SEARCHES:
            with self.subTest(**params):
                cheaper.return_value = False
                direct = self.titles(params)
                cheaper.return_value = True
                with mock.patch.object(tsvector, "_estimate", return_value=100):
                    chunked = self.titles(params)
                self.assertTrue(direct)
                self.assertEqual(chunked, direct)
