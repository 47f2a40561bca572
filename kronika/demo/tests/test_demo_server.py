"""`kronika demo` as a reader and an editor meet it: a real server, worker and clock."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.test import SimpleTestCase

SCHEDULE_SCRIPT = """
from datetime import timedelta
from django.utils import timezone
from kronika.news.models import SectionPage
from kronika.testing import build_article
section = SectionPage.objects.get(slug="news")
article = build_article(section, "Scheduled by the clock test", live=False)
section.add_child(instance=article)
article.go_live_at = timezone.now() + timedelta(seconds=5)
article.save_revision().publish()
print(article.go_live_at.timestamp())
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


class DemoServerTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.data_dir = tempfile.TemporaryDirectory()
        cls.port = free_port()
        cls.base = f"http://127.0.0.1:{cls.port}"
        cls.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("KRONIKA_", "DJANGO_", "DATABASE_URL"))
        }
        cls.env.update(KRONIKA_DATA_DIR=cls.data_dir.name, KRONIKA_WEB_WORKERS="2")
        cls.log = open(Path(cls.data_dir.name) / "demo.log", "w+")  # noqa: SIM115
        started = time.monotonic()
        cls.server = subprocess.Popen(
            [sys.executable, "-m", "kronika", "demo", "--port", str(cls.port)],
            env=cls.env,
            stdout=cls.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        while time.monotonic() - started < 180:
            if fetch(cls.base + "/")[0] == 200:
                break
            if cls.server.poll() is not None:
                break
            time.sleep(0.5)
        cls.startup_seconds = time.monotonic() - started

    @classmethod
    def tearDownClass(cls):
        if cls.server.poll() is None:
            os.killpg(cls.server.pid, signal.SIGKILL)
            cls.server.wait()
        cls.log.close()
        cls.data_dir.cleanup()
        super().tearDownClass()

    def server_output(self) -> str:
        self.log.flush()
        return (Path(self.data_dir.name) / "demo.log").read_text()

    def test_1_it_serves_the_demo_paper_within_three_minutes(self):
        status, html = fetch(self.base + "/")
        self.assertEqual(status, 200, self.server_output())
        self.assertLess(self.startup_seconds, 180)
        self.assertIn("Kronika", html)
        self.assertIn("admin", self.server_output())
        self.assertIn("password:", self.server_output())
        css = html.split('rel="stylesheet" href="')[1].split('"')[0]
        self.assertEqual(fetch(self.base + css)[0], 200)

    def test_2_a_scheduled_article_goes_live_by_itself_within_a_minute(self):
        result = subprocess.run(
            [sys.executable, "-m", "kronika", "shell", "-c", SCHEDULE_SCRIPT],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        go_live_at = float(result.stdout.strip().splitlines()[-1])
        url = self.base + "/news/scheduled-by-the-clock-test/"
        self.assertEqual(fetch(url)[0], 404)
        while time.time() < go_live_at + 60:
            if fetch(url)[0] == 200:
                break
            time.sleep(0.5)
        self.assertEqual(fetch(url)[0], 200, self.server_output())
        self.assertIn("Scheduled by the clock test", fetch(self.base + "/news/")[1])

    def test_3_ctrl_c_stops_the_server_and_the_worker(self):
        os.killpg(self.server.pid, signal.SIGINT)
        try:
            self.server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.fail("the demo did not stop on Ctrl-C:\n" + self.server_output()[-3000:])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.killpg(self.server.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.2)
        with self.assertRaises(ProcessLookupError):
            os.killpg(self.server.pid, 0)
