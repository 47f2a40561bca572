"""A real paper served over HTTP, shared by the tests that need real concurrency."""

import os
import tempfile

import pytest

from kronika.pagecache.store import page_cache
from kronika.scratch import scratch_database
from kronika.testing_over_http import DemoServer


def pytest_configure(config):
    # Many tests start `kronika` processes. Where PYTHONDONTWRITEBYTECODE is set
    # (as on CI), each would compile Django and Wagtail again, about ten seconds;
    # a bytecode cache of the suite's own keeps that to the first.
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
        os.environ.setdefault(
            "PYTHONPYCACHEPREFIX",
            os.path.join(tempfile.gettempdir(), f"kronika-test-bytecode-{os.getuid()}"),
        )


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


@pytest.fixture(scope="session")
def paper_without_worker():
    """A real paper served with no task worker, on PostgreSQL when DATABASE_URL names it.

    Tests start, stop and kill its workers themselves (kronika/worker/tests/support.py).
    """
    from kronika.worker.tests.support import Paper

    with (
        scratch_database() as database,
        tempfile.TemporaryDirectory() as data_dir,
        Paper.running(data_dir, **database) as paper,
    ):
        yield paper


@pytest.fixture
def paper_with_own_processes(paper_without_worker):
    """The paper, with every worker and shell the test started killed after it."""
    yield paper_without_worker
    paper_without_worker.stop_processes()
