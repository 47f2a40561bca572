"""The browser gate's fixtures: one demo paper served for the whole session, and Chromium.

Where Chromium, Java or the npm tools are missing, the gate is skipped with the
reason; in CI (CI=true) a missing tool is an error, so the gate cannot be lost.
"""

import http.server
import re
import tempfile
import threading
from functools import partial
from pathlib import Path

import pytest

from e2e import gate
from e2e.tests.admin_forms import sign_in
from e2e.tests.pages import gate_pages
from kronika.missing_tools import in_ci, reason
from kronika.testing_over_http import DemoServer

SCREENSHOTS = Path("var/screenshots")


def pytest_collection_modifyitems(config, items):
    missing = gate.missing_tools()
    if not missing:
        return
    if in_ci():
        raise pytest.UsageError("CI=true, and the browser gate needs " + "; ".join(missing))
    skip = pytest.mark.skip(reason=reason(*missing))
    for item in items:
        if item.nodeid.startswith("e2e/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def demo():
    with tempfile.TemporaryDirectory() as data_dir, DemoServer.running(data_dir) as server:
        yield server


@pytest.fixture(scope="module")
def reader_pages(demo):
    """Kind → URL of the reader pages, chosen once for a module's tests."""
    return gate_pages(demo.base_url)


@pytest.fixture
def open_reader_page(reader_pages):
    """Load one kind of reader page at a width; every page but the 404 must exist."""

    def open_page(page, kind: str, width: int = gate.DESKTOP[0], height: int = gate.DESKTOP[1]):
        page.set_viewport_size({"width": width, "height": height})
        response = page.goto(reader_pages[kind])
        expected = 404 if kind == "404" else 200
        assert response.status == expected, (
            f"{kind}: {reader_pages[kind]} answered {response.status}"
        )
        return page

    return open_page


@pytest.fixture(scope="session")
def serve_file(tmp_path_factory):
    """Serve a hand-written file over HTTP, as the deliberately broken pages are."""
    folder = tmp_path_factory.mktemp("html")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def serve(name: str, content: str | bytes) -> str:
        path = folder / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return f"http://127.0.0.1:{server.server_address[1]}/{name}"

    yield serve
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(gate.CHROMIUM), args=gate.CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": gate.DESKTOP[0], "height": gate.DESKTOP[1]})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def log_in(browser, demo):
    """Open an admin session for one of the demo's staff accounts; returns its page."""
    contexts = []

    def as_user(username):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return sign_in(context.new_page(), demo.base_url, username, demo.credentials()[username])

    yield as_user
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot(request):
    """Keep a desktop and a mobile screenshot of a page the test checked."""
    folder = SCREENSHOTS / re.sub(r"[^\w-]+", "-", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name: str):
        for label, (width, height) in (("desktop", gate.DESKTOP), ("mobile", gate.MOBILE)):
            page.set_viewport_size({"width": width, "height": height})
            page.screenshot(path=str(folder / f"{name}-{label}.png"), full_page=True)
        page.set_viewport_size({"width": gate.DESKTOP[0], "height": gate.DESKTOP[1]})

    return take
