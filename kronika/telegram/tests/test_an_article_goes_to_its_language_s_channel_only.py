"""With a channel for each language, an article goes to its own language's channel (issue 23).

Through the fake Bot API on loopback: a Lithuanian article is posted to the
Lithuanian channel only, its translation into Russian to the Russian channel
only, and the English original to the English one.
"""

from django.contrib.auth import get_user_model

from kronika.telegram.models import Channel
from kronika.telegram.tests.support import TOKEN, TelegramTestCase
from kronika.testing import translate


class ChannelPerLanguageTests(TelegramTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home_lt = translate(cls.home, "lt", title="Pradžia")
        cls.home_ru = translate(cls.home, "ru", title="Главная")
        cls.news_lt = translate(cls.news, "lt", title="Naujienos")
        cls.news_ru = translate(cls.news, "ru", title="Новости")
        for code in ("lt", "ru"):
            Channel.objects.create(
                name=f"Kronika {code}", chat_id=f"@kronika_{code}", bot_token=TOKEN, language=code
            )

    def chats(self) -> list[str]:
        return [message["chat_id"] for message in self.api.sent()]

    def test_the_existing_channel_is_in_the_paper_s_first_language(self):
        self.assertEqual(self.channel.language, "en")

    def test_a_lithuanian_article_goes_to_the_lithuanian_channel_only(self):
        article = self.publish("Vilniuje atidarytas tiltas", section=self.news_lt)
        self.assertEqual(self.chats(), ["@kronika_lt"])
        self.assertIn(f"http://127.0.0.1:8000{article.url}", self.api.sent()[0]["caption"])
        self.assertTrue(article.url.startswith("/lt/"))

    def test_an_english_article_and_its_translation_go_each_to_its_channel(self):
        article = self.publish("Bridge opens in Vilnius")
        self.assertEqual(self.chats(), ["@kronika_test"])
        translate(article, "ru", title="В Вильнюсе открыли мост", slug="most")
        self.assertEqual(self.chats(), ["@kronika_test", "@kronika_ru"])

    def test_the_channel_form_offers_the_paper_s_languages(self):
        chief = get_user_model().objects.create_superuser("chief", "c@example.org", "pw")
        self.client.force_login(chief)
        page = self.client.get(f"/admin/snippets/telegram/channel/edit/{self.channel.pk}/")
        self.assertEqual(page.status_code, 200)
        for code in ("en", "lt", "ru"):
            self.assertIn(f'<option value="{code}"', page.content.decode())
