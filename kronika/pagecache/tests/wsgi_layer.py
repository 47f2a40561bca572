"""Requests sent straight to the WSGI application that `kronika serve` runs:
the page cache's layer in front of Django, counting what reaches Django."""

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


class WsgiLayerTestCase(CachedPaperTestCase):
    def setUp(self):
        super().setUp()
        self.django = CountingDjango()
        self.application = PageCacheApplication(self.django)
        # As Django's test client does: a request's end must not close the test's
        # database connection, which holds the test's transaction.
        for signal in (request_started, request_finished):
            signal.disconnect(close_old_connections)
            self.addCleanup(signal.connect, close_old_connections)

    def call(self, url: str, method: str = "GET", **headers):
        """The status line, the headers and the body the application answers."""
        environ = RequestFactory().generic(method, url, headers=headers).environ
        answer = {}

        def start_response(status, headers):
            answer.update(status=status, headers=dict(headers))

        body = b"".join(self.application(environ, start_response))
        return answer["status"], answer["headers"], body
