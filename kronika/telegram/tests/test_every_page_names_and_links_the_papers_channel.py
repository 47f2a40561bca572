"""The paper's Telegram channel on every page: its meta tag, footer link and article box."""

from bs4 import BeautifulSoup

from kronika.telegram.promotion import TelegramSettings
from kronika.testing import KronikaTestCase, publish_article, site_settings


class ChannelOnEveryPageTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        site_settings(
            TelegramSettings,
            channel_url="https://t.me/baltic_kronika",
            promo_title="Follow us where we are blocked",
        )
        publish_article(cls.news, "Harbour dredging begins", when=cls.days_ago(2))
        cls.article = publish_article(cls.news, "Ports and rails", when=cls.days_ago(1))

    def soup(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser")

    def test_every_page_names_the_channel_for_telegram_and_links_it_in_the_footer(self):
        for url in ("/", self.news.url, self.article.url):
            with self.subTest(url=url):
                soup = self.soup(url)
                meta = soup.select_one('meta[name="telegram:channel"]')
                self.assertEqual(meta["content"], "@baltic_kronika")
                link = soup.select_one('.site-footer a[href="https://t.me/baltic_kronika"]')
                self.assertEqual(link.get_text(), "Our Telegram channel")

    def test_the_article_carries_the_promo_box_with_the_editors_words(self):
        box = self.soup(self.article.url).select_one(".channel-promo")
        self.assertEqual(box.h2.get_text(), "Follow us where we are blocked")
        self.assertEqual(box.select_one("a.button")["href"], "https://t.me/baltic_kronika")

    def test_the_box_comes_between_the_story_and_the_previous_article(self):
        text = self.soup(self.article.url).find("main").get_text(" ", strip=True)
        order = [
            "The body of Ports and rails",
            "Follow us where we are blocked",
            "Previous article",
        ]
        positions = [text.index(fragment) for fragment in order]
        self.assertEqual(positions, sorted(positions), text)

    def test_with_neither_a_link_nor_words_there_is_no_box(self):
        site_settings(TelegramSettings, channel_url="", promo_text="")
        self.assertIsNone(self.soup(self.article.url).select_one(".channel-promo"))

    def test_a_link_that_is_not_telegrams_gives_no_channel_name(self):
        site_settings(TelegramSettings, channel_url="https://example.org/baltic_kronika")
        soup = self.soup(self.article.url)
        self.assertIsNone(soup.select_one('meta[name="telegram:channel"]'))

    def test_without_a_link_the_footer_says_nothing_of_telegram(self):
        site_settings(TelegramSettings, channel_url="")
        self.assertNotIn("Our Telegram channel", self.soup("/").get_text())
