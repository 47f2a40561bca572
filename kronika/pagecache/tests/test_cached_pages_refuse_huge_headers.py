"""A request over the site's limits is refused even when its page is cached.

The page cache answers hits before Django's middleware runs, both in the WSGI
layer that `kronika serve` runs and in its middleware (the test client's path);
a 100 KB header or a 3 KB query string must still get the site's own readable
431 or 414 page, with the security headers every response carries.
"""

from kronika.pagecache.tests.wsgi_layer import WsgiLayerTestCase

HUGE_HEADER = {"X-Padding": "x" * 100_000}
LONG_QUERY = "?page=1&padding=" + "x" * 3000


class CachedPagesRefuseRequestsOverTheLimitsTests(WsgiLayerTestCase):
    def cached_pages(self) -> list[str]:
        pages = ["/", "/news/", self.news_articles[0].url, "/feeds/rss/"]
        self.warm(*pages)
        return pages

    def assert_refused(self, headers, body, title):
        self.assertNotEqual(headers.get("X-Kronika-Cache"), "hit")
        self.assertIn(title, body.decode())
        self.assertEqual(headers["X-Content-Type-Options"], "nosniff")
        self.assertIn("frame-ancestors 'none'", headers["Content-Security-Policy"])

    def test_the_test_clients_path_refuses_a_huge_header_with_431(self):
        for url in self.cached_pages():
            with self.subTest(url=url):
                response = self.client.get(url, headers=HUGE_HEADER)
                self.assertEqual(response.status_code, 431)
                self.assert_refused(
                    response.headers, response.content, "Request headers too large"
                )
                # The page itself stays cached for everyone else.
                self.assertTrue(self.is_cached(url))

    def test_the_wsgi_layer_refuses_a_huge_header_with_431(self):
        for url in self.cached_pages():
            with self.subTest(url=url):
                self.assertEqual(self.call(url)[1].get("X-Kronika-Cache"), "hit")
                status, headers, body = self.call(url, **HUGE_HEADER)
                self.assertEqual(status, "431 Request Header Fields Too Large")
                self.assert_refused(headers, body, "Request headers too large")

    def test_a_head_request_with_a_huge_header_is_refused_too(self):
        url = self.cached_pages()[0]
        status, headers, _ = self.call(url, method="HEAD", **HUGE_HEADER)
        self.assertEqual(status, "431 Request Header Fields Too Large")
        self.assertNotEqual(headers.get("X-Kronika-Cache"), "hit")

    def test_both_paths_refuse_a_long_query_with_414(self):
        for url in self.cached_pages()[:2]:
            with self.subTest(url=url):
                response = self.client.get(url + LONG_QUERY)
                self.assertEqual(response.status_code, 414)
                self.assert_refused(response.headers, response.content, "Address too long")
                status, headers, body = self.call(url + LONG_QUERY)
                self.assertEqual(status, "414 Request-URI Too Long")
                self.assert_refused(headers, body, "Address too long")
