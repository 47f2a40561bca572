"""A real paper served over HTTP, shared by the tests that need real concurrency."""

import tempfile

import pytest

from kronika.pagecache.store import page_cache
from kronika.scratch import scratch_database
from kronika.testing import DemoServer


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Start every test with no cached pages: an earlier test's pages show another database."""
    page_cache.clear()


@pytest.fixture(scope="session")
def live_paper():
    """`kronika demo` with two web workers and a task worker.

    When the suite runs against PostgreSQL (DATABASE_URL), so does this server,
    in a database of its own; otherwise it uses SQLite in its data directory.
    """
    with (
        scratch_database() as database,
        tempfile.TemporaryDirectory() as data_dir,
        DemoServer.running(data_dir, **database) as server,
    ):
        yield server
