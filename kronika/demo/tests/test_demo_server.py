"""`kronika demo` as a reader and an editor meet it: a real server, worker and clock."""

import os
import signal
import subprocess
import tempfile
import time

from django.test import SimpleTestCase

from kronika.testing_over_http import DemoServer, fetch

SCHEDULE_SCRIPT = """
from datetime import timedelta
from django.utils import timezone
from kronika.news.models import SectionPage
from kronika.testing import build_article
section = SectionPage.objects.get(locale__language_code="en", slug="news")
article = build_article(section, "Scheduled by the clock test", live=False)
section.add_child(instance=article)
article.go_live_at = timezone.now() + timedelta(seconds=5)
article.save_revision().publish()
print(article.go_live_at.timestamp())
"""


class DemoServerTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.data_dir = tempfile.TemporaryDirectory()
        cls.demo = DemoServer(cls.data_dir.name).start()

    @classmethod
    def tearDownClass(cls):
        cls.demo.stop()
        cls.data_dir.cleanup()
        super().tearDownClass()

    def test_1_it_serves_the_demo_paper_within_three_minutes(self):
        status, html = fetch(self.demo.base_url + "/")
        self.assertEqual(status, 200, self.demo.output())
        self.assertLess(self.demo.startup_seconds, 180)
        self.assertIn("Kronika", html)
        self.assertIn("admin     password:", self.demo.output())
        stylesheet = html.split('rel="stylesheet" href="')[1].split('"')[0]
        self.assertEqual(fetch(self.demo.base_url + stylesheet)[0], 200)

    def test_2_a_scheduled_article_goes_live_by_itself_within_a_minute(self):
        go_live_at = float(
            self.demo.kronika("shell", "-c", SCHEDULE_SCRIPT).strip().splitlines()[-1]
        )
        url = self.demo.base_url + "/news/scheduled-by-the-clock-test/"
        self.assertEqual(fetch(url)[0], 404)
        while time.time() < go_live_at + 60 and fetch(url)[0] != 200:
            time.sleep(0.5)
        self.assertEqual(fetch(url)[0], 200, self.demo.output())
        self.assertIn("Scheduled by the clock test", fetch(self.demo.base_url + "/news/")[1])

    def test_3_ctrl_c_stops_the_server_and_the_worker(self):
        group = self.demo.process.pid
        os.killpg(group, signal.SIGINT)
        try:
            self.demo.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.fail("the demo did not stop on Ctrl-C:\n" + self.demo.output()[-3000:])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                break
            time.sleep(0.2)
        with self.assertRaises(ProcessLookupError):
            os.killpg(group, 0)
