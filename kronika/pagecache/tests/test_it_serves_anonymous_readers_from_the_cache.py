from kronika.pagecache.tests.paper import HIT, CachedPaperTestCase


class ServingFromTheCacheTests(CachedPaperTestCase):
    def test_it_keeps_every_kind_of_reader_page(self):
        article = self.news_articles[0]
        urls = [
            "/",
            "/news/",
            "/news/?page=1",
            article.url,
            "/tags/parliament/",
            "/authors/alice/",
            "/feeds/rss/",
            "/feeds/atom/",
            "/feeds/sections/news/rss/",
            "/feeds/feed.json",
            "/feeds/feed.xsl",
            "/feeds/",
            "/sitemap.xml",
            "/sitemap-articles.xml",
            "/sitemap-news.xml",
            "/robots.txt",
        ]
        for url in urls:
            with self.subTest(url=url):
                first = self.client.get(url)
                second = self.client.get(url)
                self.assertEqual(first.status_code, 200)
                self.assertNotEqual(first.get("X-Kronika-Cache"), HIT)
                self.assertEqual(second.get("X-Kronika-Cache"), HIT)
                self.assertEqual(second.content, first.content)
                self.assertEqual(second["Content-Type"], first["Content-Type"])
                self.assertIn("s-maxage", second["Cache-Control"])
                self.assertIn("stale-while-revalidate", second["Cache-Control"])

    def test_a_cached_page_answers_conditional_requests_with_304(self):
        url = self.news_articles[0].url
        self.warm(url)
        cached = self.client.get(url)
        self.assertTrue(cached["ETag"].startswith('W/"'))
        again = self.client.get(url, headers={"if-none-match": cached["ETag"]})
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again.get("X-Kronika-Cache"), HIT)
        self.assertEqual(again.content, b"")
        self.assertEqual(again["ETag"], cached["ETag"])
        other = self.client.get(url, headers={"if-none-match": 'W/"something-else"'})
        self.assertEqual(other.status_code, 200)

    def test_a_feed_from_the_cache_answers_if_modified_since(self):
        self.warm("/feeds/rss/")
        cached = self.client.get("/feeds/rss/")
        again = self.client.get(
            "/feeds/rss/", headers={"if-modified-since": cached["Last-Modified"]}
        )
        self.assertEqual(again.status_code, 304)

    def test_head_requests_get_the_headers_without_the_body(self):
        url = self.news_articles[0].url
        self.warm(url)
        response = self.client.head(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.get("X-Kronika-Cache"), HIT)
        self.assertEqual(response.content, b"")
        self.assertGreater(int(response["Content-Length"]), 1000)

    def test_pages_of_another_host_are_kept_apart(self):
        url = self.news_articles[0].url
        self.warm(url)
        with self.settings(ALLOWED_HOSTS=["testserver", "mirror.example"]):
            response = self.client.get(url, headers={"host": "mirror.example"})
        self.assertNotEqual(response.get("X-Kronika-Cache"), HIT)
        self.assertIn(b"http://mirror.example/", response.content)
