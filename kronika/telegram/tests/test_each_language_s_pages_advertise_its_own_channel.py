"""A paper in several languages advertises each edition's own Telegram channel."""

from bs4 import BeautifulSoup
from django.test import override_settings

from kronika.telegram.promotion import EditionChannel, TelegramSettings
from kronika.testing import KronikaTestCase, publish_article, site_settings, translate


@override_settings(KRONIKA_PAGE_CACHE=False)
class EditionChannelTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        paper = site_settings(
            TelegramSettings,
            channel_url="https://t.me/baltic_kronika",
            promo_title="Follow us where we are blocked",
        )
        EditionChannel.objects.create(
            paper_channel=paper, language="lt", channel_url="https://t.me/kronika_lt"
        )
        article = publish_article(cls.news, "Ports reopen")
        translate(cls.home, "lt")
        translate(cls.home, "ru")
        cls.lithuanian = translate(article, "lt", title="Uostai vėl atidaryti")
        cls.russian = translate(article, "ru", title="Порты снова открыты")
        cls.english = article

    def promotion_on(self, url):
        soup = BeautifulSoup(self.client.get(url).content, "html.parser")
        box = soup.select_one(".channel-promo")
        return {
            "meta": soup.select_one('meta[name="telegram:channel"]')["content"],
            "footer": soup.select_one(".site-footer a[href*='t.me']")["href"],
            "title": box.h2.get_text(),
            "button": box.select_one("a.button")["href"],
        }

    def test_the_lithuanian_pages_advertise_the_lithuanian_channel_in_lithuanian(self):
        self.assertEqual(
            self.promotion_on(self.lithuanian.url),
            {
                "meta": "@kronika_lt",
                "footer": "https://t.me/kronika_lt",
                "title": "Prisijunkite prie mūsų „Telegram“ kanalo",
                "button": "https://t.me/kronika_lt",
            },
        )

    def test_an_edition_without_its_own_channel_advertises_the_paper_s(self):
        for page in (self.english, self.russian):
            with self.subTest(url=page.url):
                promotion = self.promotion_on(page.url)
                self.assertEqual(promotion["meta"], "@baltic_kronika")
                self.assertEqual(promotion["title"], "Follow us where we are blocked")

    def settings_form(self, **editions):
        paper = TelegramSettings.objects.get()
        return {
            "channel_url": paper.channel_url,
            "promo_title": paper.promo_title,
            "promo_text": paper.promo_text,
            "editions-TOTAL_FORMS": "2",
            "editions-INITIAL_FORMS": "1",
            "editions-MIN_NUM_FORMS": "0",
            "editions-MAX_NUM_FORMS": "1000",
            "editions-0-id": str(paper.editions.get().pk),
            "editions-0-language": "lt",
            "editions-0-channel_url": "https://t.me/kronika_lt",
            "editions-0-ORDER": "1",
            "editions-1-id": "",
            "editions-1-ORDER": "2",
            **{f"editions-1-{name}": value for name, value in editions.items()},
        }

    def test_a_second_channel_for_one_language_is_refused_with_a_message(self):
        self.client.force_login(self.editor)
        paper = TelegramSettings.objects.get()
        response = self.client.post(
            f"/admin/settings/telegram/telegramsettings/{paper.site_id}/",
            self.settings_form(language="lt", channel_url="https://t.me/another_lt"),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "duplicate data for paper_channel and language")
        self.assertEqual(paper.editions.count(), 1)

    def test_an_editor_adds_the_russian_channel_in_the_settings(self):
        self.client.force_login(self.editor)
        paper = TelegramSettings.objects.get()
        form = self.client.get(f"/admin/settings/telegram/telegramsettings/{paper.site_id}/")
        self.assertContains(form, "Channels in the paper&#x27;s other languages")
        response = self.client.post(
            f"/admin/settings/telegram/telegramsettings/{paper.site_id}/",
            self.settings_form(
                language="ru", channel_url="https://t.me/kronika_ru", promo_title="Мы в Telegram"
            ),
        )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        promotion = self.promotion_on(self.russian.url)
        self.assertEqual(promotion["button"], "https://t.me/kronika_ru")
        self.assertEqual(promotion["title"], "Мы в Telegram")
