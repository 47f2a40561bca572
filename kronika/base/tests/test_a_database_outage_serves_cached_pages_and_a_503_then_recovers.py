"""The database server stops under a running app server, then comes back."""

import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kronika.base.tests.services import AppServer, PrivatePostgres, clean_environment
from kronika.testing_over_http import kronika_output

ARTICLE = "/news/lithuania-picks-consortium-second-offshore-wind-farm/"
HEADLINE = "Lithuania picks consortium to build its second offshore wind farm"
OTHER_ARTICLE = "/news/estonia-sets-2032-deadline-oil-shale-power-narva/"


def get(url: str):
    """Status, headers and text of a GET on loopback."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


def wait_until(condition, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(0.25)
    raise AssertionError(f"not within {timeout} s")


@pytest.fixture(scope="module")
def paper():
    with (
        tempfile.TemporaryDirectory() as data_dir,
        PrivatePostgres.running() as postgres,
    ):
        env = clean_environment(KRONIKA_DATA_DIR=data_dir, DATABASE_URL=postgres.url)
        kronika_output(env, "demo", "--no-serve", timeout=300)
        with AppServer.running(env, Path(data_dir) / "serve.log") as server:
            server.database = postgres
            server.env = env
            yield server


def test_cached_pages_stay_up_and_the_rest_is_a_503_until_the_database_returns(paper):
    url = paper.base_url
    front_page = get(url + "/")[2]
    assert get(url + ARTICLE)[0] == 200
    assert get(url + ARTICLE)[1]["X-Kronika-Cache"] == "hit"
    # A change the cache has not caught up with when the database goes: the
    # front page's copy is out of date, but it is the best there is.
    kronika_output(
        paper.env,
        "shell",
        "-c",
        "from kronika.pagecache.store import invalidate; invalidate('list:all')",
    )
    time.sleep(0.6)  # past the server's in-memory re-check

    paper.database.stop()
    status, headers, body = get(url + ARTICLE)
    assert (status, headers["X-Kronika-Cache"]) == (200, "hit")
    assert HEADLINE in body

    status, headers, body = get(url + "/")
    assert (status, headers["X-Kronika-Cache"]) == (200, "stale")
    assert body == front_page

    for path in (OTHER_ARTICLE, "/news/", "/search/?q=energy", "/admin/login/"):
        status, headers, body = get(url + path)
        assert status == 503, (path, status, body[:500])
        assert headers["Retry-After"] == "30"
        assert "no-store" in headers["Cache-Control"]
        assert "Back soon" in body and "/static/kronika/kronika." in body
        assert "Traceback" not in body and "OperationalError" not in body

    status, _, body = get(url + "/readyz")
    assert status == 503 and '"database": "unreachable"' in body
    assert get(url + "/healthz")[0] == 200

    paper.database.start()
    seconds = wait_until(lambda: get(url + OTHER_ARTICLE)[0] == 200, timeout=30)
    print(f"Serving uncached pages again {seconds:.1f} s after the database came back")
    assert get(url + "/readyz")[0] == 200
    status, headers, _ = get(url + "/")
    assert status == 200 and headers.get("X-Kronika-Cache") != "stale"
    assert "Traceback" not in paper.log()
