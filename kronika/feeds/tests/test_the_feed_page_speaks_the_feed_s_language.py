"""A Lithuanian or Russian feed, opened in a browser, shows a page in its language:
its stylesheet's sentences from the catalogues, and dates as the site writes them."""

from datetime import UTC, datetime

from lxml import etree, html

from kronika.testing import KronikaTestCase, paper_settings, publish_article, translate

WHEN = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
EXPECTED = {
    "lt": {
        "title": "Baltic Courier · sklaidos kanalas",
        "headings": ["Tai naujienų sklaidos kanalas", "Naujausi straipsniai"],
        "date": "2026 m. gruodžio 6 d.",
        "footer": "Skaityti „Baltic Courier“ svetainėje",
    },
    "ru": {
        "title": "Baltic Courier · новостная лента",
        "headings": ["Это новостная лента", "Последние материалы"],
        "date": "6 декабря 2026 г.",
        "footer": "Читать «Baltic Courier» на сайте",
    },
}


class FeedPageLanguageTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        paper_settings(name="Baltic Courier")
        article = publish_article(cls.news, "Ports reopen", when=WHEN)
        translate(cls.home, "lt")
        translate(cls.home, "ru")
        translate(article, "lt", title="Uostai vėl atidaryti")
        translate(article, "ru", title="Порты снова открыты")

    def page_for(self, feed_url):
        feed = etree.fromstring(self.client.get(feed_url).content)
        stylesheet_url = feed.getprevious().get("href")
        stylesheet = etree.fromstring(self.client.get(stylesheet_url).content)
        return stylesheet_url, html.fromstring(str(etree.XSLT(stylesheet)(feed)))

    def test_each_language_s_feed_page_is_in_that_language(self):
        for language, expected in EXPECTED.items():
            for kind in ("rss", "atom"):
                with self.subTest(language=language, kind=kind):
                    stylesheet, page = self.page_for(f"/{language}/feeds/{kind}/")
                    self.assertEqual(stylesheet, f"/{language}/feeds/feed.xsl")
                    self.assertEqual(page.get("lang"), language)
                    self.assertEqual(page.findtext(".//title"), expected["title"])
                    self.assertEqual(
                        [h.text_content() for h in page.xpath("//h2")], expected["headings"]
                    )
                    self.assertEqual(page.findtext(".//time"), expected["date"])
                    self.assertEqual(page.findtext(".//footer//a").strip(), expected["footer"])
                    self.assertNotIn("How to subscribe", page.text_content())

    def test_the_english_page_keeps_its_english_date(self):
        _stylesheet, page = self.page_for("/feeds/rss/")
        self.assertEqual(page.findtext(".//time"), "6 December 2026")
