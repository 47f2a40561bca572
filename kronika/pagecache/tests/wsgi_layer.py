"""Requests sent straight to the WSGI application that `kronika serve` runs:
the page cache's layer in front of Django, counting what reaches Django."""

from contextlib import contextmanager

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from kronika.pagecache.serving import PageCacheApplication
from kronika.pagecache.tests.paper import CachedPaperTestCase


class CountingDjango:
    def __init__(self):
        self.django = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.django(environ, start_response)


@contextmanager
def the_test_transaction_kept_open():
    """As Django's test client does around each request: neither a request's start
    nor its end may close the database connection that holds the test's
    transaction. Around each call, not once for the test, because every request
    of the test client connects the signals again when it ends (on SQLite closing
    the connection changes nothing, so only PostgreSQL shows it)."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in signals:
            signal.connect(close_old_connections)


class WsgiLayerTestCase(CachedPaperTestCase):
    def setUp(self):
        super().setUp()
        self.django = CountingDjango()
        self.application = PageCacheApplication(self.django)

    def call(self, url: str, method: str = "GET", **headers):
        """The status line, the headers and the body the application answers."""
        environ = RequestFactory().generic(method, url, headers=headers).environ
        answer = {}

        def start_response(status, headers):
            answer.update(status=status, headers=dict(headers))

        with the_test_transaction_kept_open():
            body = b"".join(self.application(environ, start_response))
        return answer["status"], answer["headers"], body
