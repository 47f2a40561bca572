"""On PostgreSQL, a tier finds the same articles in the same order whichever way it takes.

A tier looks in bands of the newest entries, tests the newest listed
articles a chunk at a time, or reads every match (kronika.search.tsvector).
Here each way is forced in turn, with bands and chunks so small and tiers so
short that each search goes through several of them, and each must find
what reading every match finds. The articles are published oldest first, so
that their entries follow the order of publication, as the site keeps them
(kronika.search.publication_order).
"""

from datetime import date, timedelta
from unittest import mock, skipUnless

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kronika.search import fts, tsvector
from kronika.testing import KronikaTestCase, body, publish_article

SEARCHES = [{"q": "ferry"}, {"q": "ferry timetable"}, {"q": "harbour"}]
FILTERED = [
    {"q": "ferry", "section": "sport"},
    {"q": "ferry", "from": str(date.today() - timedelta(days=6)), "to": str(date.today())},
]
# So wide a first look that every tier reads every match.
EVERY_MATCH = {"MARGIN": 10**9}
WAYS = {
    "bands": {"BAND": 1, "WIDER": 2, "MARGIN": 0.01},
    "testing the newest": {"COMMON": 0, "CHUNK": 2, "MARGIN": 0.01},
}


@skipUnless(tsvector.available(), "these ways are PostgreSQL's")
@mock.patch.object(fts, "PER_TIER", 3)
class EveryWayTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for days in range(11, 0, -1):
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

    def test_each_way_finds_what_reading_every_match_finds(self):
        for params in SEARCHES:
            with mock.patch.multiple(tsvector, **EVERY_MATCH):
                expected = self.titles(params)
            self.assertTrue(expected, params)
            for way, settings in WAYS.items():
                with self.subTest(way=way, **params), mock.patch.multiple(tsvector, **settings):
                    self.assertEqual(self.titles(params), expected)

    def test_a_section_or_dates_test_the_newest_or_read_every_match_alike(self):
        for params in FILTERED:
            with mock.patch.object(tsvector, "_newest_first_is_cheaper", return_value=False):
                read = self.titles(params)
            with (
                self.subTest(**params),
                mock.patch.object(tsvector, "_newest_first_is_cheaper", return_value=True),
                mock.patch.object(tsvector, "CHUNK", 2),
            ):
                self.assertTrue(read)
                self.assertEqual(self.titles(params), read)

    def test_small_bands_do_go_through_several(self):
        with (
            mock.patch.multiple(tsvector, **WAYS["bands"]),
            CaptureQueriesContext(connection) as queries,
        ):
            self.titles({"q": "ferry"})
        bands = [q for q in queries.captured_queries if "entry.id BETWEEN" in q["sql"]]
        self.assertGreater(len(bands), 2)
