"""Every RSS and Atom feed names the paper's XSL stylesheet, and running it, as a
browser would, gives a page that says how to subscribe and lists the stories.

The feeds stay what news readers expect: the same content types, well-formed,
read by feedparser without complaint, and conditional GETs still answered.
"""

from datetime import UTC

import feedparser
from lxml import etree, html

from kronika.testing import KronikaTestCase, paper_settings, publish_article

STYLESHEET = "/feeds/feed.xsl"
STANDFIRST = 'Ships & ferries sail again: "at last", it\'s <said>.'
FEEDS = {
    "/feeds/rss/": "application/rss+xml; charset=utf-8",
    "/feeds/atom/": "application/atom+xml; charset=utf-8",
    "/feeds/sections/news/rss/": "application/rss+xml; charset=utf-8",
    "/feeds/sections/news/atom/": "application/atom+xml; charset=utf-8",
    "/feeds/tags/ports/rss/": "application/rss+xml; charset=utf-8",
    "/feeds/tags/ports/atom/": "application/atom+xml; charset=utf-8",
    "/feeds/authors/alice/rss/": "application/rss+xml; charset=utf-8",
    "/feeds/authors/alice/atom/": "application/atom+xml; charset=utf-8",
}


class FeedStylesheetTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        paper_settings(name="Baltic Courier")
        publish_article(
            cls.news, "Ports reopen", when=cls.days_ago(2), tags=["ports"], authors=[cls.alice],
            standfirst=STANDFIRST,
        )  # fmt: skip
        publish_article(cls.news, "Harbour fees rise", when=cls.days_ago(1), tags=["ports"])

    def page_for(self, url):
        """The page a browser shows for the feed at `url`: the feed run through its stylesheet."""
        feed = etree.fromstring(self.client.get(url).content)
        stylesheet = etree.fromstring(self.client.get(STYLESHEET).content)
        result = etree.XSLT(stylesheet)(feed)
        return str(result), html.fromstring(str(result))

    def test_each_feed_names_the_stylesheet_before_its_root_and_stays_a_valid_feed(self):
        for url, content_type in FEEDS.items():
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response["Content-Type"], content_type)
                root = etree.fromstring(response.content)
                instruction = root.getprevious()
                self.assertIsInstance(instruction, etree._XSLTProcessingInstruction)
                self.assertEqual(instruction.get("href"), STYLESHEET)
                self.assertEqual(instruction.get("type"), "text/xsl")
                parsed = feedparser.parse(response.content)
                self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
                self.assertTrue(parsed.entries)

    def test_the_site_serves_the_stylesheet_as_xsl_from_the_feeds_origin(self):
        response = self.client.get(STYLESHEET)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/xsl; charset=utf-8")
        root = etree.fromstring(response.content)
        self.assertEqual(root.tag, "{http://www.w3.org/1999/XSL/Transform}stylesheet")
        # Nothing from another host: the page's stylesheets are the site's own.
        for href in root.xpath("//*[local-name()='link']/@href"):
            self.assertTrue(href.startswith("/static/"), href)

    def test_the_page_explains_the_feed_and_gives_its_address_to_copy(self):
        for url in ("/feeds/rss/", "/feeds/atom/"):
            with self.subTest(url=url):
                text, page = self.page_for(url)
                self.assertTrue(text.startswith("<!DOCTYPE html"), text[:40])
                self.assertEqual(page.get("lang"), "en")
                self.assertEqual(page.findtext(".//title"), "Baltic Courier · news feed")
                self.assertEqual(page.findtext(".//h1"), "Baltic Courier")
                self.assertEqual(page.findtext(".//header//a"), "Baltic Courier")
                self.assertEqual(
                    [h.text_content() for h in page.xpath("//h2")],
                    ["This is a news feed", "Latest stories"],
                )
                self.assertIn("How to subscribe", page.findtext(".//h3"))
                self.assertEqual(page.findtext(".//code"), f"http://testserver{url}")
                self.assertEqual(len(page.xpath("//main")), 1)
                self.assertEqual(len(page.xpath("//footer")), 1)

    def test_the_page_lists_each_story_with_its_link_date_and_standfirst(self):
        for url in ("/feeds/tags/ports/rss/", "/feeds/tags/ports/atom/"):
            with self.subTest(url=url):
                _text, page = self.page_for(url)
                items = page.xpath("//li[@class='feed-item']")
                self.assertEqual(
                    [item.findtext(".//h3/a") for item in items],
                    ["Harbour fees rise", "Ports reopen"],
                )
                self.assertEqual(
                    items[1].find(".//h3/a").get("href"), "http://testserver/news/ports-reopen/"
                )
                # Feeds write the times as the database holds them, in UTC.
                date = self.days_ago(2).astimezone(UTC)
                time = items[1].find(".//time")
                self.assertEqual(time.get("datetime"), date.strftime("%Y-%m-%d"))
                self.assertEqual(time.text_content(), f"{date.day} {date:%B %Y}")
                # Readers get the standfirst HTML-escaped; the page shows it as written.
                self.assertEqual(
                    items[1].findtext(".//p[@class='feed-item-summary']").strip(),
                    'Ships & ferries sail again: "at last", it\'s <said>.',
                )
