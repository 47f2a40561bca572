"""Each encoding of a page has an ETag of its own, and a client that revalidates the
copy it holds gets a 304 for it: from Django, from the page cache in Django's
middleware, and from the WSGI layer that answers hits before Django.

A cache must never take one encoding's 304 as confirming another's body, so an
ETag of one encoding gets the full page in another.
"""

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from kronika.pagecache.serving import PageCacheApplication
from kronika.pagecache.tests.paper import HIT, CachedPaperTestCase
from kronika.testing import without_page_cache

ACCEPTS = {"br": "br, gzip", "gzip": "gzip", None: ""}


class EtagPerEncodingTests(CachedPaperTestCase):
    def urls(self) -> list[str]:
        return [self.news_articles[0].url, "/feeds/rss/", "/feeds/feed.json"]

    def client_get(self, url: str, coding: str | None, **headers):
        response = self.client.get(url, headers={"Accept-Encoding": ACCEPTS[coding], **headers})
        return response.status_code, response, response.content

    def wsgi_get(self, url: str, coding: str | None, **headers):
        # As Django's test client does: a request's end must not close the test's
        # database connection, which holds the test's transaction.
        for signal in (request_started, request_finished):
            signal.disconnect(close_old_connections)
            self.addCleanup(signal.connect, close_old_connections)
        environ = (
            RequestFactory()
            .get(url, headers={"Accept-Encoding": ACCEPTS[coding], **headers})
            .environ
        )
        answer = {}

        def start_response(status, headers):
            answer.update(status=int(status.split()[0]), headers=dict(headers))

        body = b"".join(PageCacheApplication(WSGIHandler())(environ, start_response))
        return answer["status"], answer["headers"], body

    def assert_revalidates_each_encoding(self, get, url: str, cached: bool):
        etags = {}
        for coding in ACCEPTS:
            status, headers, _ = get(url, coding)
            self.assertEqual(status, 200)
            self.assertEqual(headers.get("Content-Encoding"), coding)
            self.assertEqual(headers.get("X-Kronika-Cache") == HIT, cached)
            etags[coding] = headers["ETag"]
        self.assertEqual(len(set(etags.values())), len(etags), etags)
        for coding, etag in etags.items():
            status, headers, body = get(url, coding, **{"If-None-Match": etag})
            self.assertEqual((status, body), (304, b""), f"{url} {coding}")
            self.assertEqual(headers["ETag"], etag)
            self.assertIn("Accept-Encoding", headers["Vary"])
        for coding in ("br", "gzip"):
            status, headers, body = get(url, coding, **{"If-None-Match": etags[None]})
            self.assertEqual(status, 200, f"{url}: an identity ETag confirmed {coding}")
            self.assertEqual(headers["Content-Encoding"], coding)

    def test_django_answers_each_encodings_etag_with_a_304(self):
        with without_page_cache():
            for url in self.urls():
                with self.subTest(url=url):
                    self.assert_revalidates_each_encoding(self.client_get, url, cached=False)

    def test_the_page_cache_in_django_answers_each_encodings_etag_with_a_304(self):
        for url in self.urls():
            with self.subTest(url=url):
                self.warm(url)
                self.assert_revalidates_each_encoding(self.client_get, url, cached=True)

    def test_the_wsgi_layer_answers_each_encodings_etag_with_a_304(self):
        for url in self.urls():
            with self.subTest(url=url):
                self.warm(url)
                self.assert_revalidates_each_encoding(self.wsgi_get, url, cached=True)
