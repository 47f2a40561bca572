"""`kronika demo` with KRONIKA_FEATURES=feeds,search: a paper without comments, ratings, Telegram.

It migrates a fresh database, loads the demo and serves it, and its article
pages show everything news draws (previous and next, "You may also like",
"More in") and nothing of the features left out. On PostgreSQL when the suite
runs there (DATABASE_URL), on SQLite in its data directory otherwise.
"""

import tempfile
from contextlib import ExitStack

from bs4 import BeautifulSoup
from django.test import SimpleTestCase

from kronika.scratch import scratch_database
from kronika.testing_over_http import DemoServer, fetch

# What the features left out would put on an article page.
LEFT_OUT = {
    "comment form": ".comment-form",
    "comments": "#comments",
    "comment count": ".comment-count",
    "rating": "#rating",
    "Telegram box": ".channel-promo",
}


class PaperWithoutReaderFeaturesTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with ExitStack() as stack:
            database = stack.enter_context(scratch_database())
            data_dir = stack.enter_context(tempfile.TemporaryDirectory())
            cls.demo = stack.enter_context(
                DemoServer.running(data_dir, KRONIKA_FEATURES="feeds,search", **database)
            )
            cls.addClassCleanup(stack.pop_all().close)
        cls.article_url, cls.article = cls.article_with_both_neighbours()

    @classmethod
    def soup(cls, path: str) -> BeautifulSoup:
        status, html = fetch(cls.demo.base_url + path)
        assert status == 200, f"{path} answered {status}"
        return BeautifulSoup(html, "html.parser")

    @classmethod
    def article_with_both_neighbours(cls) -> tuple[str, BeautifulSoup]:
        """An article of the demo with a previous and a next one: a middle one of a section."""
        for link in cls.soup("/").select("nav.site-nav a")[1:]:
            section = cls.soup(link["href"])
            for teaser in section.select(".teaser-title a")[1:]:
                article = cls.soup(teaser["href"])
                if article.select_one('a[rel="prev"]') and article.select_one('a[rel="next"]'):
                    return teaser["href"], article
        raise AssertionError("no demo article has both a previous and a next one")

    def test_the_demo_loads_no_readers_comments_or_ratings(self):
        self.assertIn(
            "Demo content added: 6 sections, 7 authors, 44 articles, 4 pages, 22 translations.",
            self.demo.output(),
        )

    def test_an_article_shows_its_neighbours_and_the_lists_of_more_to_read(self):
        section = self.article.select_one(".kicker").get_text(strip=True)
        self.assertEqual(self.article.select_one("#related-title").get_text(), "You may also like")
        self.assertEqual(self.article.select_one("#more-title").get_text(), f"More in {section}")
        self.assertTrue(self.article.select(".related .teaser"))
        self.assertTrue(self.article.select(".more-in-section .teaser"))
        for rel in ("prev", "next"):
            with self.subTest(rel=rel):
                neighbour = self.article.select_one(f'.article-nav a[rel="{rel}"]')["href"]
                self.assertEqual(fetch(self.demo.base_url + neighbour)[0], 200)

    def test_an_article_shows_nothing_of_the_features_left_out(self):
        for part, selector in LEFT_OUT.items():
            with self.subTest(part):
                self.assertIsNone(self.article.select_one(selector))
        # Sharing to Telegram is a plain link any paper offers, not the feature.
        self.article.select_one(".share").decompose()
        self.assertNotIn("Telegram", str(self.article))

    def test_the_features_installed_keep_their_links_and_addresses(self):
        self.assertIsNotNone(self.article.select_one("form.footer-search"))
        self.assertIsNotNone(self.article.select_one('link[type="application/rss+xml"]'))
        for path in ("/search/?q=Vilnius", "/feeds/rss/", "/sitemap.xml"):
            with self.subTest(path=path):
                self.assertEqual(fetch(self.demo.base_url + path)[0], 200)

    def test_the_features_left_out_have_no_address(self):
        # Installed, each answers a GET with 405: it takes only posted forms.
        for path in ("/comments/1/", "/ratings/1/"):
            with self.subTest(path=path):
                self.assertEqual(fetch(self.demo.base_url + path)[0], 404)
