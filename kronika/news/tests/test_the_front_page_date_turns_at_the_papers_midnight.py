from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

from kronika.news.front_page import next_midnight
from kronika.testing import KronikaTestCase


class FrontPageDateTests(KronikaTestCase):
    """The date under the nameplate is the paper's today, so the cached front
    page may be kept only until midnight where the paper is."""

    def test_the_front_page_is_kept_no_later_than_the_next_midnight(self):
        for zone in ("Europe/Vilnius", "America/New_York", "Asia/Tokyo"):
            with self.subTest(zone), override_settings(TIME_ZONE=zone), timezone.override(zone):
                turn = timezone.localtime(next_midnight())
                now = timezone.localtime()
                self.assertEqual((turn.hour, turn.minute, turn.second), (0, 0, 0))
                self.assertEqual(turn.date(), now.date() + timedelta(days=1))
                self.assertLessEqual(turn - now, timedelta(days=1))

    def test_the_nameplate_date_is_todays_in_the_papers_zone(self):
        with override_settings(TIME_ZONE="Pacific/Kiritimati"):
            html = self.client.get("/").content.decode()
            self.assertIn(f'datetime="{timezone.localdate():%Y-%m-%d}"', html)
