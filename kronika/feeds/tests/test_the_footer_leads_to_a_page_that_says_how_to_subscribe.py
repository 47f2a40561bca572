"""Browsers show a feed as raw text, or download it, so the footer's feed link
leads to a page that says how to subscribe and gives every feed's address."""

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, paper_settings, publish_article


class SubscribePageTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        paper_settings(name="Baltic Courier")
        publish_article(cls.news, "Ports reopen")

    def soup(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser")

    def test_the_footer_links_to_the_subscribe_page(self):
        footer = self.soup("/").select_one("footer")
        self.assertIn("/feeds/", [link["href"] for link in footer.select("a")])

    def test_the_page_says_how_to_subscribe_and_lists_addresses_that_serve_feeds(self):
        page = self.soup("/feeds/")
        self.assertEqual(page.h1.get_text(), "Follow Baltic Courier in a news reader")
        self.assertIn("How to subscribe", [h.get_text() for h in page.select("h2, h3")])
        addresses = [code.get_text() for code in page.select("dd code")]
        self.assertEqual(
            addresses,
            [
                "http://testserver/feeds/rss/",
                "http://testserver/feeds/atom/",
                "http://testserver/feeds/feed.json",
                "http://testserver/feeds/sections/news/rss/",
                "http://testserver/feeds/sections/sport/rss/",
            ],
        )
        for address in addresses:
            with self.subTest(address=address):
                self.assertEqual(self.client.get(address).status_code, 200)
        # A reader given this page's address finds the feed, as from any page.
        self.assertTrue(page.select_one("link[rel=alternate][type='application/rss+xml']"))
