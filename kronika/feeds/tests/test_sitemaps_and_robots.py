from datetime import timedelta
from pathlib import Path
from unittest import mock
from xml.etree import ElementTree

import xmlschema
from django.utils import timezone

from kronika.feeds import sitemaps
from kronika.feeds.sitemaps import ArticleSitemap
from kronika.news.models import ArticlePage
from kronika.testing import (
    KronikaTestCase,
    draft_article,
    paper_settings,
    publish_article,
    without_page_cache,
)

SCHEMAS = Path(__file__).parent / "schemas"
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


class SitemapTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.today = publish_article(cls.news, "Today's story", tags=["ports"], authors=[cls.alice])
        cls.yesterday = publish_article(cls.sport, "Yesterday's story", when=cls.days_ago(1))
        cls.last_week = publish_article(cls.news, "Last week's story", when=cls.days_ago(7))
        draft_article(cls.news, "Draft story", tags=["secret"], authors=[cls.bob])
        publish_article(cls.news, "Future story", when=timezone.now() + timedelta(hours=3))
        paper_settings(name="The Baltic Kronika")
        cls.urlset = xmlschema.XMLSchema(
            SCHEMAS / "sitemap.xsd", locations={NEWS_NS: str(SCHEMAS / "news.xsd")}
        )
        cls.index = xmlschema.XMLSchema(SCHEMAS / "siteindex.xsd")

    def get_xml(self, url, schema):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        schema.validate(response.content.decode())
        return ElementTree.fromstring(response.content)  # noqa: S314 - our own output

    def locations(self, url):
        tree = self.get_xml(url, self.urlset)
        return [loc.text for loc in tree.findall("s:url/s:loc", NS)]

    def test_the_index_lists_every_sitemap_with_its_lastmod(self):
        tree = self.get_xml("/sitemap.xml", self.index)
        entries = {
            sitemap.find("s:loc", NS).text: sitemap.find("s:lastmod", NS)
            for sitemap in tree.findall("s:sitemap", NS)
        }
        self.assertEqual(
            set(entries),
            {f"http://testserver/sitemap-{name}.xml" for name in
             ("articles", "sections", "tags", "authors", "news")},
        )  # fmt: skip
        self.assertIsNotNone(entries["http://testserver/sitemap-articles.xml"])

    def test_the_article_sitemap_lists_every_live_article_and_no_draft(self):
        self.assertEqual(
            self.locations("/sitemap-articles.xml"),
            [f"http://testserver{a.url}" for a in (self.last_week, self.yesterday, self.today)],
        )

    def test_sections_tags_and_authors_are_listed_when_they_have_live_articles(self):
        self.assertEqual(
            self.locations("/sitemap-sections.xml"),
            ["http://testserver/", "http://testserver/news/", "http://testserver/sport/"],
        )
        self.assertEqual(self.locations("/sitemap-tags.xml"), ["http://testserver/tags/ports/"])
        self.assertEqual(
            self.locations("/sitemap-authors.xml"), ["http://testserver/authors/alice/"]
        )

    def test_the_news_sitemap_lists_the_last_two_days_with_the_news_fields(self):
        tree = self.get_xml("/sitemap-news.xml", self.urlset)
        urls = tree.findall("s:url", NS)
        self.assertEqual(
            [url.find("s:loc", NS).text for url in urls],
            [f"http://testserver{self.today.url}", f"http://testserver{self.yesterday.url}"],
        )
        news = urls[0].find("news:news", NS)
        self.assertEqual(news.find("news:publication/news:name", NS).text, "The Baltic Kronika")
        self.assertEqual(news.find("news:publication/news:language", NS).text, "en")
        self.assertEqual(news.find("news:title", NS).text, "Today's story")
        date = news.find("news:publication_date", NS).text
        self.assertEqual(date, self.today.first_published_at.isoformat())

    def test_an_invalid_news_entry_would_fail_validation(self):
        broken = (
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="{NEWS_NS}"><url><loc>http://testserver/x/</loc><news:news>'
            "<news:title>No publication</news:title></news:news></url></urlset>"
        )
        self.assertFalse(self.urlset.is_valid(broken))

    def test_the_news_sitemap_keeps_to_its_limit_of_1000(self):
        self.assertEqual(sitemaps.NEWS_LIMIT, 1000)
        with mock.patch.object(sitemaps, "NEWS_LIMIT", 1):
            self.assertEqual(len(self.locations("/sitemap-news.xml")), 1)

    def test_a_sitemap_is_split_into_pages_past_its_limit(self):
        self.assertEqual(ArticleSitemap.limit, 50_000)
        with mock.patch.object(ArticleSitemap, "limit", 2):
            tree = self.get_xml("/sitemap.xml", self.index)
            locations = [loc.text for loc in tree.findall("s:sitemap/s:loc", NS)]
            self.assertIn("http://testserver/sitemap-articles.xml?p=2", locations)
            self.assertEqual(len(self.locations("/sitemap-articles.xml?p=2")), 1)

    @without_page_cache()
    def test_listing_articles_costs_the_same_few_queries_however_many_there_are(self):
        self.client.get("/sitemap-articles.xml")
        # The languages' home pages, the count, the page of articles and their translations.
        with self.assertNumQueries(4):
            self.client.get("/sitemap-articles.xml")
        for n in range(5):
            publish_article(self.news, f"More {n}", when=self.days_ago(10))
        with self.assertNumQueries(4):
            self.client.get("/sitemap-articles.xml")
        self.assertEqual(ArticlePage.objects.published().count(), 8)


class RobotsTests(KronikaTestCase):
    def test_robots_lists_the_sitemaps_and_keeps_crawlers_out_of_search_and_admin(self):
        text = self.client.get("/robots.txt").content.decode()
        self.assertIn("Sitemap: http://testserver/sitemap.xml", text)
        self.assertIn("Sitemap: http://testserver/sitemap-news.xml", text)
        for path in ("/admin/", "/search/"):
            self.assertIn(f"Disallow: {path}", text)
