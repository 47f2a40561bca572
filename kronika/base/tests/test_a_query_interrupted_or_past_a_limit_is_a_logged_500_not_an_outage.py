"""A query that fails on its own is a server error, logged, not "the database is unavailable".

The database still serves every other request: a 503 with Retry-After would
tell readers and crawlers to come back later for what is a bug or a slow
query, and hide it from the error log as a warning.
"""

import sqlite3
from contextlib import contextmanager
from unittest import skipUnless

from django.db import connection
from django.test import Client

from kronika.testing import KronikaTestCase, publish_article


@contextmanager
def one_statement_interrupted():
    """SQLite stops the next statement that runs, as sqlite3_interrupt() or a timeout would."""
    interrupted = []

    def progress():
        if interrupted:
            return 0
        interrupted.append(True)
        return 1

    connection.ensure_connection()
    connection.connection.set_progress_handler(progress, 1)
    try:
        yield
    finally:
        connection.connection.set_progress_handler(None, 1)


@contextmanager
def sql_variables_limited_to(count: int):
    connection.ensure_connection()
    limit = sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER
    before = connection.connection.setlimit(limit, count)
    try:
        yield
    finally:
        connection.connection.setlimit(limit, before)


# They stop a query through SQLite's own connection; PostgreSQL's statement
# timeout and cancellation are classified in test_only_a_database_that_cannot_be_reached….
@skipUnless(connection.vendor == "sqlite", "the interrupt and the variable limit are SQLite's")
class QueryFailureTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Budget opens")

    def setUp(self):
        self.client = Client(raise_request_exception=False)

    def assert_logged_server_error(self, url: str, failure) -> None:
        with self.assertLogs("django.request", "ERROR") as logged, failure:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 500)
        self.assertNotIn("Retry-After", response)
        self.assertIn("Something went wrong", response.content.decode())
        self.assertNotIn("Back soon", response.content.decode())
        self.assertIn(self.expected_message, "\n".join(logged.output))

    def test_an_interrupted_query_is_a_500(self):
        self.expected_message = "interrupted"
        self.assert_logged_server_error("/search/?q=budget", one_statement_interrupted())

    def test_a_query_past_the_limit_of_sql_variables_is_a_500(self):
        self.expected_message = "too many SQL variables"
        self.assert_logged_server_error(self.article.url, sql_variables_limited_to(1))
