"""Feeds per language and sitemaps with alternates (issue 23).

Each language's RSS, Atom and JSON Feed list its own articles and say its
language; the sitemaps list every language's pages, each with its
translations as <xhtml:link> alternates, and the Google News sitemap gives
each article its own language.
"""

import json
from xml.etree import ElementTree

import feedparser

from kronika.testing import KronikaTestCase, publish_article, translate

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


class FeedsAndSitemapsPerLanguageTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        translate(cls.home, "lt", title="Pradžia")
        translate(cls.home, "ru", title="Главная")
        cls.bridge = publish_article(cls.news, "New bridge opens", tags=["bridges"])
        cls.bridge_lt = translate(
            cls.bridge, "lt", title="Atidarytas naujas tiltas", slug="tiltas"
        )
        cls.bridge_ru = translate(cls.bridge, "ru", title="Открыт новый мост", slug="most")
        cls.english_only = publish_article(cls.news, "Only in English", when=cls.days_ago(1))

    def feed(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        parsed = feedparser.parse(response.content)
        self.assertFalse(parsed.bozo, f"{url}: {parsed.get('bozo_exception')}")
        return parsed

    def test_each_language_s_feeds_validate_carry_its_language_and_list_its_articles(self):
        for prefix, code, title in (
            ("", "en", "New bridge opens"),
            ("/lt", "lt", "Atidarytas naujas tiltas"),
            ("/ru", "ru", "Открыт новый мост"),
        ):
            for kind in ("rss", "atom"):
                with self.subTest(code=code, kind=kind):
                    feed = self.feed(f"{prefix}/feeds/{kind}/")
                    self.assertEqual(feed.feed.language, code)
                    titles = [entry.title for entry in feed.entries]
                    self.assertIn(title, titles)
                    self.assertEqual(("Only in English" in titles), code == "en")
            with self.subTest(code=code, kind="json"):
                data = json.loads(self.client.get(f"{prefix}/feeds/feed.json").content)
                self.assertEqual(data["language"], code)
                self.assertIn(title, [item["title"] for item in data["items"]])

    def test_the_article_sitemap_names_each_version_s_alternates(self):
        response = self.client.get("/sitemap-articles.xml")
        tree = ElementTree.fromstring(response.content)  # noqa: S314 - our own output
        urls = {
            url.find("s:loc", NS).text: {
                link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
            }
            for url in tree.findall("s:url", NS)
        }
        expected = {
            "en": "http://testserver/news/new-bridge-opens/",
            "lt": "http://testserver/lt/news/tiltas/",
            "ru": "http://testserver/ru/news/most/",
            "x-default": "http://testserver/news/new-bridge-opens/",
        }
        for code in ("en", "lt", "ru"):
            self.assertEqual(urls[expected[code]], expected)
        self.assertEqual(urls["http://testserver/news/only-in-english/"], {})

    def test_the_sections_sitemap_lists_each_language_s_home_and_sections(self):
        tree = ElementTree.fromstring(self.client.get("/sitemap-sections.xml").content)  # noqa: S314
        locations = {url.find("s:loc", NS).text for url in tree.findall("s:url", NS)}
        for address in ("/", "/lt/", "/ru/", "/news/", "/lt/news/", "/ru/news/"):
            self.assertIn(f"http://testserver{address}", locations)

    def test_the_news_sitemap_gives_each_article_its_language(self):
        tree = ElementTree.fromstring(self.client.get("/sitemap-news.xml").content)  # noqa: S314
        languages = {
            url.find("s:loc", NS).text: url.find(
                "news:news/news:publication/news:language", NS
            ).text
            for url in tree.findall("s:url", NS)
        }
        self.assertEqual(languages["http://testserver/lt/news/tiltas/"], "lt")
        self.assertEqual(languages["http://testserver/ru/news/most/"], "ru")
        self.assertEqual(languages["http://testserver/news/new-bridge-opens/"], "en")

    def test_a_tag_is_in_the_sitemap_in_each_language_it_has_articles_in(self):
        tree = ElementTree.fromstring(self.client.get("/sitemap-tags.xml").content)  # noqa: S314
        locations = {url.find("s:loc", NS).text for url in tree.findall("s:url", NS)}
        self.assertEqual(
            locations,
            {
                "http://testserver/tags/bridges/",
                "http://testserver/lt/tags/bridges/",
                "http://testserver/ru/tags/bridges/",
            },
        )

    def test_the_page_links_its_language_s_feeds(self):
        page = self.client.get(self.bridge_lt.url).content.decode()
        self.assertIn('href="/lt/feeds/rss/"', page)
        self.assertIn('href="/lt/feeds/atom/"', page)
