"""A standfirst or tagline with markup in it reads as text in every feed reader.

RSS descriptions and Atom's type="html" summaries are shown as HTML, so plain
text must arrive there escaped; Atom's subtitle and JSON Feed's summary are
plain text and arrive as they are.
"""

import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, paper_settings, publish_article, without_page_cache

STANDFIRST = 'Fish & <svg onload=alert(1)> "chips"'
TAGLINE = "News <script>alert(2)</script> & views"
ATOM = "{http://www.w3.org/2005/Atom}"


def as_html(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


@without_page_cache()
class FeedDescriptionTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        paper_settings(tagline=TAGLINE)
        publish_article(cls.news, "Markup in the standfirst", standfirst=STANDFIRST)

    def xml(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return ET.fromstring(response.content)  # noqa: S314 - our own output

    def assert_reads_as_text(self, html: str, text: str):
        self.assertEqual(as_html(html).find_all(True), [], html)
        self.assertEqual(as_html(html).get_text(), text)

    def test_rss_descriptions_are_escaped_html(self):
        channel = self.xml("/feeds/rss/").find("channel")
        self.assert_reads_as_text(channel.findtext("description"), TAGLINE)
        self.assert_reads_as_text(channel.find("item").findtext("description"), STANDFIRST)

    def test_atom_summaries_are_escaped_html_and_its_subtitle_plain_text(self):
        feed = self.xml("/feeds/atom/")
        entry = feed.find(f"{ATOM}entry")
        self.assertEqual(entry.find(f"{ATOM}summary").get("type"), "html")
        self.assert_reads_as_text(entry.findtext(f"{ATOM}summary"), STANDFIRST)
        self.assertEqual(feed.findtext(f"{ATOM}subtitle"), TAGLINE)

    def test_the_json_feed_summary_is_plain_text(self):
        item = self.client.get("/feeds/feed.json").json()["items"][0]
        self.assertEqual(item["summary"], STANDFIRST)
