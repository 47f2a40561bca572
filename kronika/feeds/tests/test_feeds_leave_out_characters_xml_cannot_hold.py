"""A control character pasted into a headline does not take the feeds down.

XML 1.0 cannot hold most control characters, and Django refuses to write them.
"""

import xml.etree.ElementTree as ET

from kronika.testing import KronikaTestCase, publish_article, without_page_cache

HEADLINE = "Ports\x0b reopen\x01 after\x1f the strike"
XML_FEEDS = ("/feeds/rss/", "/feeds/atom/", "/feeds/sections/news/rss/", "/sitemap-news.xml")


@without_page_cache()
class ControlCharacterTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        publish_article(cls.news, HEADLINE, slug="ports", standfirst="Ships\x08 sail\x0c again.")

    def test_xml_feeds_and_the_news_sitemap_stay_well_formed(self):
        for url in XML_FEEDS:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                text = response.content.decode()
                ET.fromstring(response.content)  # noqa: S314 - our own output
                self.assertIn("Ports reopen after the strike", text)

    def test_the_json_feed_keeps_the_text_as_it_is(self):
        item = self.client.get("/feeds/feed.json").json()["items"][0]
        self.assertEqual(item["title"], HEADLINE)
