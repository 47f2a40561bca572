from django.conf import settings

from kronika.pagecache.tests.paper import HIT
from kronika.pagecache.tests.wsgi_layer import WsgiLayerTestCase


class WsgiLayerTests(WsgiLayerTestCase):
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
