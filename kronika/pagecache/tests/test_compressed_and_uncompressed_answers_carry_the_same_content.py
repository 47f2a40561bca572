"""Whatever encoding a reader's client asks for, it reads the same page: brotli and
gzip decompress to the identity body, on the miss that renders a page and on
every hit after it, for articles, listings, feeds and sitemaps alike.
"""

from kronika.pagecache.store import page_cache
from kronika.pagecache.tests.paper import HIT, CachedPaperTestCase
from kronika.testing import decoded

# What a client sends, by the Content-Encoding it should get back.
ACCEPTS = {"br": "gzip, deflate, br", "gzip": "gzip", None: ""}


class SameContentTests(CachedPaperTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Enough articles for the sitemap to pass the size below which nothing is compressed.
        cls.series(
            cls.news,
            "Budget debate",
            10,
            days_ago=5,
            tag="budget",
            author=cls.alice,
            text="A debate.",
        )

    def urls(self) -> list[str]:
        return [
            self.news_articles[0].url,
            self.sport.url,
            "/",
            "/feeds/rss/",
            "/feeds/atom/",
            "/feeds/feed.json",
            "/sitemap-articles.xml",
        ]

    def get(self, url: str, coding: str | None):
        response = self.client.get(url, headers={"Accept-Encoding": ACCEPTS[coding]})
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response.get("Content-Encoding"), coding, url)
        self.assertEqual(response["Content-Length"], str(len(response.content)), url)
        return response

    def test_each_encoding_decompresses_to_the_page_on_a_miss_and_on_hits(self):
        for url in self.urls():
            for first in ACCEPTS:
                with self.subTest(url=url, miss=first):
                    page_cache.clear()
                    rendered = self.get(url, first)
                    self.assertNotEqual(rendered.get("X-Kronika-Cache"), HIT)
                    page = decoded(rendered.content, first)
                    for coding in ACCEPTS:
                        hit = self.get(url, coding)
                        self.assertEqual(hit.get("X-Kronika-Cache"), HIT)
                        self.assertEqual(decoded(hit.content, coding), page)

    def test_compression_makes_pages_and_feeds_several_times_smaller(self):
        for url in self.urls():
            with self.subTest(url=url):
                identity = len(self.get(url, None).content)
                self.assertLess(len(self.get(url, "gzip").content), identity / 2)
                self.assertLess(len(self.get(url, "br").content), identity / 2)
