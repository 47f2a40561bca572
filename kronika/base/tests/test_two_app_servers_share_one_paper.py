"""Two app servers, each with its own data directory, sharing PostgreSQL and Redis.

An editor works through one server; readers are on the other. Everything the
editor does must show on the other server, and nothing either server cached
before may survive it.
"""

import http.cookiejar
import json
import re
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from bench.serving import nginx_binary, nginx_main, shipped_nginx_block
from kronika.base.tests.services import AppServer, PrivatePostgres, PrivateRedis, clean_environment
from kronika.missing_tools import reason, tool
from kronika.testing_over_http import fetch, free_port, kronika_output

NEIGHBOUR = "/news/ransomware-attack-tallinn-hospital-cancels-appointments/"
NEW_HEADLINE = "Baltic ports agree on one timetable for winter ferries"
NEW_ARTICLE = "/news/baltic-ports-agree-one-timetable/"
COMMENT = "The ferry to Helsinki was late every day in January."
WITHIN = 1.0  # the page cache's bound for a change made through another process

SETUP = f"""
import json
from kronika.comments.models import Comment
from kronika.news.models import ArticlePage, SectionPage
from kronika.testing import build_article
news = SectionPage.objects.get(locale__language_code="en", slug="news")
draft = build_article(news, {NEW_HEADLINE!r}, slug="baltic-ports-agree-one-timetable", live=False)
news.add_child(instance=draft)
draft.save_revision()
neighbour = ArticlePage.objects.get(
    locale__language_code="en", slug="ransomware-attack-tallinn-hospital-cancels-appointments"
)
comment = Comment.objects.create(article=neighbour, name="Aino", body={COMMENT!r})
print(json.dumps({{"draft": draft.pk, "comment": comment.pk}}))
"""


class Browser:
    """A cookie-keeping HTTP client, as a reader's or an editor's browser is."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.base_url + path, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def submit(self, path: str, **fields: str) -> int:
        """GET a form, then POST it back with its CSRF token and `fields`."""
        form = self.get(path)[1]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        request = urllib.request.Request(self.base_url + path, data=data)  # noqa: S310
        with self.opener.open(request, timeout=30) as response:
            return response.status


def shows(browser: Browser, path: str, text: str, within: float = WITHIN) -> float | None:
    """Seconds until the page at `path` shows `text`, or None if it did not in time."""
    started = time.monotonic()
    while True:
        if text in browser.get(path)[1]:
            return time.monotonic() - started
        if time.monotonic() - started > within:
            return None
        time.sleep(0.02)


def stops_showing(browser: Browser, path: str, text: str) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started <= WITHIN:
        if text not in browser.get(path)[1]:
            return time.monotonic() - started
        time.sleep(0.02)
    return None


@pytest.fixture(scope="module")
def servers():
    with (
        tempfile.TemporaryDirectory() as first_dir,
        tempfile.TemporaryDirectory() as second_dir,
        PrivatePostgres.running() as postgres,
        PrivateRedis.running() as redis,
    ):
        shared = {
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis.url,
            "KRONIKA_SECRET_KEY": "two-servers-one-paper-" + "x" * 40,
        }
        first = clean_environment(KRONIKA_DATA_DIR=first_dir, **shared)
        second = clean_environment(KRONIKA_DATA_DIR=second_dir, **shared)
        kronika_output(first, "demo", "--no-serve", timeout=300)
        # Media would be on S3 or a shared volume; a link stands in for the mount.
        (Path(second_dir) / "media").symlink_to(Path(first_dir) / "media")
        ids = json.loads(
            kronika_output(first, "shell", "--no-imports", "-c", SETUP).splitlines()[-1]
        )
        passwords = json.loads((Path(first_dir) / "demo-credentials.json").read_text())
        with (
            AppServer.running(first, Path(first_dir) / "serve.log") as newsroom,
            AppServer.running(second, Path(second_dir) / "serve.log") as readers,
        ):
            yield newsroom, readers, ids, passwords


@pytest.fixture
def nginx(servers, tmp_path):
    """deploy/nginx.conf as shipped, in front of both app servers."""
    if not Path(nginx_binary()).exists():
        pytest.skip(reason(tool("nginx", "apt-get install nginx")))
    newsroom, readers, _, _ = servers
    port = free_port()
    block = shipped_nginx_block(
        port, [newsroom.port, readers.port], tmp_path / "data", tmp_path / "cache"
    )
    config = nginx_main(tmp_path, 1, block)
    process = subprocess.Popen(
        [nginx_binary(), "-p", str(tmp_path), "-c", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    browser = Browser(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 10
    while fetch(browser.base_url + "/healthz")[0] != 200:
        assert time.monotonic() < deadline, (tmp_path / "logs" / "error.log").read_text()
        time.sleep(0.1)
    try:
        yield browser
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_what_an_editor_does_on_one_server_shows_on_the_other(servers):
    newsroom, readers, ids, passwords = servers
    editor = Browser(newsroom.base_url)
    editor.submit("/admin/login/", username="editor", password=passwords["editor"])
    reader = Browser(readers.base_url)
    visitor = Browser(newsroom.base_url)
    pages = ("/", "/news/", NEIGHBOUR, "/feeds/rss/")
    for browser in (reader, visitor):
        for path in pages:
            assert browser.get(path)[0] == 200
            assert NEW_HEADLINE not in browser.get(path)[1], "cached before the change"
        assert COMMENT not in browser.get(NEIGHBOUR)[1]
    assert reader.get(NEW_ARTICLE)[0] == 404

    # Publishing through the newsroom's server.
    publish = f"/admin/bulk/wagtailcore/page/publish/?id={ids['draft']}&next=/admin/"
    assert editor.submit(publish) == 200
    delays = {}
    for server, browser in (("other", reader), ("same", visitor)):
        for path in (*pages, NEW_ARTICLE):
            delays[server, path] = shows(browser, path, NEW_HEADLINE)
    assert None not in delays.values(), {k: v for k, v in delays.items() if v is None}
    print(f"published: on the other server after at most {max(delays.values()):.2f} s")
    # The article before it now links to it as "Next article".
    page = reader.get(NEIGHBOUR)[1]
    assert re.search(r"Next article.*?" + re.escape(NEW_HEADLINE), page, re.S)
    assert reader.get(NEW_ARTICLE)[0] == 200

    # A reader's comment approved through the newsroom's server.
    approve = f"/admin/bulk/comments/comment/approve/?id={ids['comment']}&next=/admin/"
    assert editor.submit(approve) == 200
    seconds = shows(reader, NEIGHBOUR, COMMENT)
    assert seconds is not None, "the approved comment did not show on the other server"
    print(f"approved comment: on the other server after {seconds:.2f} s")

    # Withdrawn through the newsroom's server: gone from both servers' caches.
    unpublish = f"/admin/bulk/wagtailcore/page/unpublish/?id={ids['draft']}&next=/admin/"
    assert editor.submit(unpublish) == 200
    for browser in (reader, visitor):
        for path in pages:
            assert stops_showing(browser, path, NEW_HEADLINE) is not None, path
        assert browser.get(NEW_ARTICLE)[0] == 404
    for server in (newsroom, readers):
        assert "Traceback" not in server.log()


def test_nginx_in_front_keeps_serving_when_one_app_server_stops(servers, nginx):
    _, readers, _, _ = servers
    for _ in range(6):
        assert nginx.get(NEIGHBOUR)[0] == 200
        assert nginx.get("/readyz")[0] == 200
    too_large = urllib.request.Request(  # noqa: S310 - loopback only
        nginx.base_url + "/comments/post/", data=b"x" * (26 * 1024 * 1024)
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        nginx.opener.open(too_large, timeout=30)
    assert refused.value.code == 413, "nginx refuses bodies over client_max_body_size"

    readers.stop()
    for _ in range(10):
        # Not cacheable, so each of these reaches an app server: the one left.
        assert nginx.get("/readyz")[0] == 200
        assert nginx.get("/search/?q=ferries")[0] == 200
