from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from kronika.pagecache.serving import PageCacheApplication
from kronika.pagecache.tests.paper import HIT, CachedPaperTestCase


class CountingDjango:
    def __init__(self):
        self.django = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.django(environ, start_response)


class WsgiLayerTests(CachedPaperTestCase):
    def setUp(self):
        self.django = CountingDjango()
        self.application = PageCacheApplication(self.django)
        # As Django's test client does: a request's end must not close the test's
        # database connection, which holds the test's transaction.
        for signal in (request_started, request_finished):
            signal.disconnect(close_old_connections)
            self.addCleanup(signal.connect, close_old_connections)

    def call(self, url: str, method: str = "GET", **headers):
        environ = RequestFactory().generic(method, url, headers=headers).environ
        answer = {}

        def start_response(status, headers):
            answer.update(status=status, headers=dict(headers))

        body = b"".join(self.application(environ, start_response))
        return answer["status"], answer["headers"], body

    def test_a_miss_goes_through_django_and_a_hit_does_not(self):
        url = self.news_articles[0].url
        status, headers, first = self.call(url)
        self.assertEqual((status, self.django.calls), ("200 OK", 1))
        self.assertNotIn("X-Kronika-Cache", headers)

        status, headers, again = self.call(url)
        self.assertEqual((status, self.django.calls), ("200 OK", 1))
        self.assertEqual(headers["X-Kronika-Cache"], HIT)
        self.assertEqual(again, first)
        self.assertEqual(headers["Content-Length"], str(len(first)))
        self.assertIn("s-maxage", headers["Cache-Control"])

    def test_conditional_and_head_requests_are_answered_from_the_cache_too(self):
        url = self.news_articles[0].url
        _, headers, _ = self.call(url)
        status, _, body = self.call(url, **{"If-None-Match": headers["ETag"]})
        self.assertEqual((status, body), ("304 Not Modified", b""))
        status, _, body = self.call(url, method="HEAD")
        self.assertEqual((status, body), ("200 OK", b""))
        self.assertEqual(self.django.calls, 1)

    def test_personal_requests_always_reach_django(self):
        url = self.news_articles[0].url
        self.call(url)
        self.call(url, Cookie="kronika_vote=abc")
        self.call(url, Cookie=f"{settings.SESSION_COOKIE_NAME}=abc")
        self.call(url, Authorization="Basic eDp5")
        self.call(url + "?utm_source=x")
        self.call(url, method="POST")
        self.assertEqual(self.django.calls, 6)
