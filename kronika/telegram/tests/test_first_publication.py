import time
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from kronika.news.models import ArticlePage
from kronika.telegram import outbox
from kronika.telegram.models import ArticleTelegram, Channel, Post
from kronika.telegram.tests.support import TOKEN, TelegramTestCase


class FirstPublicationTests(TelegramTestCase):
    def test_a_new_article_is_posted_once_with_its_picture(self):
        article = self.publish("Port of Riga breaks its record")
        self.assertEqual(self.api.methods(), ["sendPhoto"])
        caption = self.api.sent()[0]["caption"]
        self.assertTrue(caption.startswith("<b>Port of Riga breaks its record</b>"))
        self.assertIn(f"http://127.0.0.1:8000{article.url}", caption)
        post = self.post_of(article)
        self.assertEqual((post.state, post.with_photo), (Post.State.SENT, True))
        self.assertEqual(post.message_id, 101)
        self.assertEqual(post.link, "https://t.me/kronika_test/101")

    def test_publishing_again_does_not_post_again(self):
        article = self.publish("Ferry timetable changes")
        article.save_revision().publish()
        ArticlePage.objects.get(pk=article.pk).save_revision().publish()
        self.assertEqual(self.api.methods(), ["sendPhoto"])

    def test_an_article_without_a_picture_goes_out_as_a_message_with_a_preview(self):
        self.publish("Short news", hero_image=None)
        self.assertEqual(self.api.methods(), ["sendMessage"])
        self.assertEqual(self.api.sent()[0]["parse_mode"], "HTML")
        self.assertNotIn("link_preview_options", self.api.sent()[0])

    def test_editors_can_untick_post_to_telegram(self):
        article = self.publish(
            "Not for the channel", telegram_choices=[ArticleTelegram(post=False)]
        )
        self.assertEqual(self.api.calls, [])
        self.assertFalse(Post.objects.filter(article=article).exists())

    def test_a_section_filter_sends_each_article_to_its_channels(self):
        Channel.objects.filter(pk=self.channel.pk).update(enabled=False)
        sport = Channel.objects.create(name="Sport", chat_id="@sport", bot_token=TOKEN)
        sport.sections.add(self.sport)
        self.publish("Derby ends in a draw", section=self.sport)
        self.publish("Budget passes")
        self.assertEqual([p["chat_id"] for p in self.api.sent()], ["@sport"])

    def test_a_disabled_channel_gets_nothing(self):
        Channel.objects.update(enabled=False)
        self.publish("Quiet day")
        self.assertEqual(self.api.calls, [])

    def test_an_import_can_publish_without_posting(self):
        with outbox.posting_suspended():
            self.publish("From the archive")
        self.assertEqual(self.api.calls, [])

    def test_an_article_published_before_the_channel_existed_is_not_posted_on_edit(self):
        Channel.objects.update(enabled=False)
        article = self.publish("Old news")
        Channel.objects.update(enabled=True)
        article.save_revision().publish()
        self.assertEqual(self.api.calls, [])

    def test_a_scheduled_article_is_posted_when_it_goes_live_not_when_scheduled(self):
        self.publish("Scheduled story", go_live_at=timezone.now() + timedelta(seconds=1))
        self.assertEqual(self.api.calls, [])
        time.sleep(1.5)
        call_command("publish_scheduled")
        self.assertEqual(self.api.methods(), ["sendPhoto"])
