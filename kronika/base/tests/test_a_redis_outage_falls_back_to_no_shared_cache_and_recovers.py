"""Redis dies under a running app server, then comes back."""

import http.cookiejar
import json
import re
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kronika.base.tests.services import AppServer, PrivateRedis, clean_environment
from kronika.testing_over_http import kronika_output

ARTICLE = "/news/lithuania-picks-consortium-second-offshore-wind-farm/"


def get(opener, url: str):
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


def log_in(base_url: str, username: str, password: str):
    """An editor's browser: a cookie jar holding a session after the admin's login form."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    form = get(opener, base_url + "/admin/login/")[2]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": username, "password": password}
    ).encode()
    request = urllib.request.Request(  # noqa: S310 - loopback only
        base_url + "/admin/login/", data=data, headers={"Referer": base_url + "/admin/login/"}
    )
    with opener.open(request, timeout=10) as response:
        assert response.url.rstrip("/").endswith("/admin"), response.url
    return opener


def cached(opener, url: str) -> bool:
    """Whether the page comes from the page cache, once it has been rendered."""
    get(opener, url)
    return get(opener, url)[1].get("X-Kronika-Cache") == "hit"


@pytest.fixture(scope="module")
def paper():
    with tempfile.TemporaryDirectory() as data_dir, PrivateRedis.running() as redis:
        env = clean_environment(KRONIKA_DATA_DIR=data_dir, REDIS_URL=redis.url)
        kronika_output(env, "demo", "--no-serve", timeout=300)
        with AppServer.running(env, Path(data_dir) / "serve.log") as server:
            server.redis = redis
            server.passwords = json.loads((Path(data_dir) / "demo-credentials.json").read_text())
            yield server


def test_the_site_serves_and_signs_editors_in_without_redis_then_caches_again(paper):
    reader = urllib.request.build_opener()
    url = paper.base_url
    assert cached(reader, url + ARTICLE)
    editor = log_in(url, "editor", paper.passwords["editor"])

    paper.redis.kill()
    time.sleep(0.6)  # past the server's in-memory re-check
    for path in ("/", ARTICLE, "/news/", "/feeds/rss/", "/search/?q=wind"):
        status, headers, _ = get(reader, url + path)
        assert status == 200, path
        assert headers.get("X-Kronika-Cache") != "hit", path
    assert get(reader, url + "/readyz")[2].count('"degraded"') == 1
    # Sessions are kept in the database; Redis only held copies of them.
    assert get(editor, url + "/admin/")[0] == 200
    latecomer = log_in(url, "reporter", paper.passwords["reporter"])
    assert get(latecomer, url + "/admin/")[0] == 200
    assert "cannot be reached" in paper.log()

    paper.redis.start()
    deadline = time.monotonic() + 15
    while not cached(reader, url + ARTICLE):
        assert time.monotonic() < deadline, "the page cache did not come back"
        time.sleep(0.5)
    assert "is back" in paper.log()
    assert json.loads(get(reader, url + "/readyz")[2])["status"] == "ready"
    assert get(editor, url + "/admin/")[0] == 200
    assert get(latecomer, url + "/admin/")[0] == 200
    assert "Traceback" not in paper.log()
