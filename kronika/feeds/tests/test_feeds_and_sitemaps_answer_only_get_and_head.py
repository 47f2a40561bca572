"""Feeds, sitemaps, robots.txt and the subscription page are only read: any other
method, even with a valid CSRF token, gets a readable 405 with `Allow: GET, HEAD`."""

from kronika.testing import KronikaTestCase, publish_article


class FeedsAnswerOnlyGetAndHeadTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        publish_article(cls.news, "Harbour reopens", tags=["harbour"], authors=[cls.alice])

    def test_every_feed_answers_only_get_and_head(self):
        for url in (
            "/feeds/rss/",
            "/feeds/atom/",
            "/feeds/feed.json",
            "/feeds/feed.xsl",
            "/feeds/",
            "/feeds/sections/news/rss/",
            "/feeds/tags/harbour/atom/",
            "/feeds/authors/alice/rss/",
        ):
            self.assertOnlyGetAndHead(url)

    def test_sitemaps_and_robots_answer_only_get_and_head(self):
        for url in ("/sitemap.xml", "/sitemap-articles.xml", "/sitemap-news.xml", "/robots.txt"):
            self.assertOnlyGetAndHead(url)
