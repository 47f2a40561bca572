from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, publish_article


class ShareLinkTests(KronikaTestCase):
    """Sharing must not let Telegram, X or Facebook see who reads the article:
    plain links, followed only by a reader who chooses to, and no script,
    frame or picture from their hosts on the page."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Rates & rents: what changes?")

    def setUp(self):
        super().setUp()
        response = self.client.get(self.article.url)
        self.soup = BeautifulSoup(response.content, "html.parser")
        self.address = "http://localhost" + self.article.url

    def share_link(self, text):
        return next(a for a in self.soup.select(".share-links a") if a.get_text() == text)

    def test_each_service_gets_the_article_address_and_headline_encoded(self):
        telegram = parse_qs(urlsplit(self.share_link("Telegram")["href"]).query)
        self.assertEqual(telegram, {"url": [self.address], "text": [self.article.title]})
        x = parse_qs(urlsplit(self.share_link("X")["href"]).query)
        self.assertEqual(x, {"url": [self.address], "text": [self.article.title]})
        facebook = parse_qs(urlsplit(self.share_link("Facebook")["href"]).query)
        self.assertEqual(facebook, {"u": [self.address]})
        mail = urlsplit(self.share_link("E-mail")["href"])
        self.assertEqual(mail.scheme, "mailto")
        self.assertEqual(
            parse_qs(mail.query), {"subject": [self.article.title], "body": [self.address]}
        )

    def test_nothing_on_the_page_loads_from_another_host(self):
        fetched = self.soup.select(
            "script[src], iframe, img[src], link[rel~=stylesheet], link[rel~=preload]"
        )
        loaded = [tag.get("src") or tag.get("href") for tag in fetched]
        self.assertTrue(loaded)
        self.assertEqual([url for url in loaded if urlsplit(url).netloc], [])

    def test_copy_link_is_an_enhancement_over_a_plain_link(self):
        self.assertEqual(self.share_link("Link to this article")["href"], self.address)
        button = self.soup.select_one(".share-copy")
        self.assertTrue(button.has_attr("hidden"), "shown only by the script, where it can work")
        self.assertEqual(button["data-address"], self.address)
