"""Each tier looks among the newest matches first, then further, and at last at every match.

Filters (a section, a range of dates) may leave out all of the newest
matches; the article they keep must still be found, wherever its index
entry lies.
"""

from datetime import timedelta
from unittest import mock, skipUnless

from django.utils import timezone

from kronika.search import fts
from kronika.testing import KronikaTestCase, body, publish_article


@skipUnless(fts.available(), "the tiers are SQLite's")
@mock.patch.multiple(fts, PER_TIER=1, FIRST_CANDIDATES=2, CANDIDATES=3)
class CandidateStepsTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Indexed after the newer ones: its entry is the last, its date the first.
        for days in (1, 2, 3, 4, 5):
            publish_article(cls.news, f"Harbour news {days}", when=cls.days_ago(days))
        publish_article(cls.sport, "Harbour regatta", body=body("Sails."), when=cls.days_ago(400))
        publish_article(cls.news, "Harbour news 6", when=cls.days_ago(6))

    def search(self, **params):
        return self.client.get("/search/", {"q": "harbour", **params}).content.decode()

    def test_a_section_filter_finds_a_match_past_every_step(self):
        self.assertIn("Harbour regatta", self.search(section="sport"))

    def test_a_date_range_finds_a_match_whatever_order_it_was_indexed_in(self):
        day = (timezone.now() - timedelta(days=400)).date()
        page = self.search(**{"from": day - timedelta(days=1), "to": day + timedelta(days=1)})
        self.assertIn("Harbour regatta", page)
        self.assertNotIn("Harbour news", page)
