import time
from types import SimpleNamespace
from unittest import TestCase

from django.db import OperationalError

from bench import searches


class SlowApp:
    """A client whose every answer takes longer than the limit, then ends as `outcome` says.

    It stands in for the test client on a search whose SQL is interrupted:
    what the app makes of that has changed before (a 503 from
    DatabaseOutageMiddleware) and may change again.
    """

    def __init__(self, outcome):
        self.outcome = outcome

    def get(self, url, secure):
        time.sleep(0.2)
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return SimpleNamespace(status_code=self.outcome, content=b"<html>maal cla</html>")


class SearchLimitTests(TestCase):
    def test_a_search_stopped_at_its_limit_is_reported_as_stopped(self):
        for outcome in (503, 500, 200, OperationalError("interrupted")):
            with self.subTest(outcome=outcome):
                search = searches.limited_search(
                    SlowApp(outcome), "/search/?q=maal+cla", "cla", 50
                )
                self.assertEqual(
                    search, {"url": "/search/?q=maal+cla", "ms": 50, "outcome": "stopped"}
                )

    def test_a_fast_search_that_fails_is_reported_by_its_status(self):
        search = searches.limited_search(SlowApp(503), "/search/?q=cla", "cla", 5_000)
        self.assertEqual(search["outcome"], "answered 503")

    def test_each_failed_search_is_one_line_naming_the_query_and_its_time(self):
        failed = [
            {"url": "/search/?q=maal+cla", "ms": 1_000, "outcome": "stopped", "kind": "typical"}
        ] * 10 + [{"url": "/search/?q=x", "ms": 12.5, "outcome": "answered 503", "kind": "rare"}]
        self.assertEqual(
            searches.regressions(searches._failures(failed)),
            [
                "search regression: GET /search/?q=maal+cla [typical]"
                " still running after 1,000 ms, stopped (10 times)",
                "search regression: GET /search/?q=x [rare] answered 503 after 12 ms",
            ],
        )
