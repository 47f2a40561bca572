import logging

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from kronika.telegram.models import Call, Channel, Post
from kronika.telegram.tests.support import TOKEN, TelegramTestCase
from kronika.testing import PASSWORD


class TelegramAdminTests(TelegramTestCase):
    def log_in(self, username="editor"):
        self.client.login(username=username, password=PASSWORD)

    def test_the_article_editor_shows_the_post_with_a_link(self):
        article = self.publish("Shown in the panel")
        self.log_in()
        page = self.client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
        self.assertTrue('data-telegram-state="sent"' in page)
        link = self.post_of(article).link
        self.assertTrue(link.startswith("https://t.me/kronika_test/"))
        self.assertTrue(f'href="{link}"' in page)

    def test_a_failed_post_shows_its_error_and_can_be_resent_with_one_click(self):
        self.api.fail_next(1, status=400)
        article = self.publish("Refused at first")
        self.log_in()
        page = self.client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
        self.assertTrue("Telegram refused it: Bad Request: chat not found" in page)
        post = self.post_of(article)
        resend = f"/admin/telegram/posts/{post.pk}/resend/"
        self.assertTrue(resend in page)
        self.assertContains(self.client.get(resend), "it will be there twice")
        self.client.post(resend)
        self.assertEqual(self.post_of(article).state, Post.State.SENT)
        self.assertEqual(self.api.methods(), ["sendPhoto", "sendPhoto"])

    def test_reporters_cannot_resend(self):
        self.api.fail_next(1, status=400)
        article = self.publish("Refused again")
        self.log_in("reporter")
        post = self.post_of(article)
        self.client.post(f"/admin/telegram/posts/{post.pk}/resend/")
        self.assertEqual(self.post_of(article).state, Post.State.FAILED)
        self.assertEqual(self.api.methods(), ["sendPhoto"])

    def test_the_call_log_lists_every_call_with_its_outcome(self):
        self.api.fail_next(1, status=400)
        self.publish("Logged story")
        self.log_in()
        page = self.client.get("/admin/reports/telegram/").content.decode()
        self.assertTrue("sendPhoto" in page)
        self.assertTrue("Bad Request: chat not found" in page)

    def test_the_token_is_never_shown_again_and_kept_when_left_empty(self):
        admin = get_user_model().objects.create_superuser("chief", "c@example.org", PASSWORD)
        self.client.force_login(admin)
        edit = f"/admin/snippets/telegram/channel/edit/{self.channel.pk}/"
        page = self.client.get(edit).content.decode()
        self.assertFalse(TOKEN in page)
        soup = BeautifulSoup(page, "html.parser")
        self.assertEqual(soup.select_one("input[name=bot_token]")["type"], "password")
        form = {
            "name": "Renamed",
            "chat_id": "@kronika_test",
            "bot_token": "",
            "language": "en",
            "enabled": "on",
            "post_template": "<b>{headline}</b>\n{link}",
            "withdrawal_note": "Withdrawn.",
            "posts_per_minute": "20",
        }
        response = self.client.post(edit, form)
        self.assertEqual(response.status_code, 302, response.content.decode()[-2000:])
        channel = Channel.objects.get(pk=self.channel.pk)
        self.assertEqual((channel.name, channel.bot_token), ("Renamed", TOKEN))

    def test_the_token_never_reaches_the_logs_or_the_call_log(self):
        self.api.drop_next(1)
        with self.assertLogs(level=logging.DEBUG) as logs:
            logging.getLogger("kronika").debug("start")
            self.publish("Secret keeping")
        self.assertNotIn("secret-token", "\n".join(logs.output))
        outcomes = " ".join(Call.objects.values_list("outcome", flat=True))
        self.assertNotIn("secret-token", outcomes)
        self.assertIn("No answer from the Bot API", outcomes)
