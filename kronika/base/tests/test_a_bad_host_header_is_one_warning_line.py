"""A request for a host outside ALLOWED_HOSTS is a scanner or a stray DNS name,
not a fault of the site: it gets the 400 page and one WARNING line without a
traceback, and a flood of them, for one host or for many, only a few lines a minute.
"""

import itertools
import json
import logging
from unittest import mock

from kronika.base.logs import BAD_HOST_LINES_PER_MINUTE, RedactingJsonFormatter
from kronika.testing import KronikaTestCase

# Far beyond any real monotonic clock, an hour apart: each test starts in a
# minute of its own, whatever the tests before it logged.
HOURS = itertools.count(10**12, 3600)


class BadHostLogTests(KronikaTestCase):
    def setUp(self):
        super().setUp()
        self.now = float(next(HOURS))
        clock = mock.patch("kronika.base.logs.monotonic", lambda: self.now)
        clock.start()
        self.addCleanup(clock.stop)

    def requests_for(self, hosts):
        """The log records of one request for each host, at the level production logs."""
        with self.assertLogs(level="INFO") as logs:
            for host in hosts:
                response = self.client.get("/news/", HTTP_HOST=host)
                self.assertEqual(response.status_code, 400)
            # assertLogs fails on a block that logs nothing; this line is left out below.
            logging.getLogger("kronika.tests").info("end of the requests")
        return [record for record in logs.records if record.name != "kronika.tests"]

    def test_a_bad_host_gets_the_400_page_and_one_warning_line_without_a_traceback(self):
        with self.assertLogs(level="INFO") as logs:
            response = self.client.get("/news/", HTTP_HOST="scanner.example")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Bad request", response.content.decode())
        self.assertNotIn("Traceback", response.content.decode())
        [record] = logs.records
        self.assertEqual(record.levelname, "WARNING")
        self.assertIsNone(record.exc_info)
        self.assertIn("'scanner.example'", record.getMessage())
        self.assertIn("/news/", record.getMessage())
        plain = logging.Formatter("%(levelname)s %(name)s %(message)s").format(record)
        self.assertNotIn("\n", plain)
        self.assertNotIn("Traceback", plain)
        # What the log collector gets: one JSON object, naming no exception.
        line = RedactingJsonFormatter("%(levelname)s %(name)s %(message)s").format(record)
        self.assertNotIn("\n", line)
        self.assertNotIn("exc_info", json.loads(line))

    def test_a_thousand_requests_for_one_bad_host_log_one_line_a_minute(self):
        records = self.requests_for(["scanner.example"] * 1000)
        self.assertEqual(len(records), 1)
        self.now += 61
        [record] = self.requests_for(["scanner.example"])
        self.assertEqual(record.levelname, "WARNING")
        self.assertIn("999 more such requests in the minute from", record.getMessage())

    def test_a_thousand_different_bad_hosts_log_a_bounded_number_of_lines(self):
        records = self.requests_for(f"scanner-{number}.example" for number in range(1000))
        self.assertEqual(len(records), BAD_HOST_LINES_PER_MINUTE)
        self.assertTrue(all(record.levelname == "WARNING" for record in records))
        self.assertTrue(all(record.exc_info is None for record in records))
        self.now += 61
        [record] = self.requests_for(["scanner-again.example"])
        unlogged = 1000 - BAD_HOST_LINES_PER_MINUTE
        self.assertIn(f"{unlogged} more such requests", record.getMessage())

    def test_a_good_host_logs_nothing(self):
        with self.assertNoLogs(level="INFO"):
            self.assertEqual(self.client.get("/news/", HTTP_HOST="localhost").status_code, 200)
