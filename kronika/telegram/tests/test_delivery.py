import itertools
import time
from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

from kronika.telegram import outbox
from kronika.telegram.models import ArticleTelegram, Call, Channel, Delivery, Post
from kronika.telegram.tests.support import TelegramTestCase
from kronika.testing import make_image
from kronika.testing_over_http import free_port


class DeliveryTests(TelegramTestCase):
    def test_429s_are_waited_out_and_five_articles_arrive_once_in_order(self):
        self.api.fail_next(3, status=429, retry_after=2)
        titles = [f"Story number {n}" for n in range(1, 6)]
        articles = [self.publish(title) for title in titles]
        self.drain_until_idle()
        sent = [call for call in self.api.calls if call[1] == "sendPhoto"]
        self.assertEqual(len(sent), 8, "3 refused with 429, then 5 accepted")
        posted = [m["caption"].split("</b>")[0][3:] for m in self.api.messages.values()]
        self.assertEqual(posted, titles)
        self.assertEqual(self.api.early_calls, [], "no call before its retry_after")
        gaps = [later[0] - earlier[0] for earlier, later in itertools.pairwise(sent)][:3]
        self.assertTrue(all(gap >= 2 for gap in gaps), gaps)
        self.assertEqual({self.post_of(a).state for a in articles}, {Post.State.SENT})

    def test_a_400_is_not_retried_and_editors_see_why(self):
        self.api.fail_next(1, status=400)
        article = self.publish("Refused story")
        self.drain_until_idle()
        post = self.post_of(article)
        self.assertEqual(post.state, Post.State.FAILED)
        self.assertIn("Telegram refused it", post.error)
        self.assertEqual(self.api.methods(), ["sendPhoto"])

    def test_a_bad_token_is_not_retried(self):
        Channel.objects.update(bot_token="999:revoked")
        article = self.publish("Unauthorised story")
        self.drain_until_idle()
        self.assertEqual(self.post_of(article).state, Post.State.FAILED)
        self.assertIn("Unauthorized", self.post_of(article).error)
        self.assertEqual(len(self.api.calls), 1)

    def test_server_errors_are_retried_with_growing_waits(self):
        self.api.fail_next(3, status=502)
        article = self.publish("Bumpy story")
        self.drain_until_idle(timeout=20)
        times = [call[0] for call in self.api.calls]
        self.assertEqual(len(times), 4)
        gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
        self.assertTrue(gaps[0] >= 1 and gaps[1] >= 2 and gaps[2] >= 4, gaps)
        self.assertEqual(self.post_of(article).state, Post.State.SENT)

    @override_settings(KRONIKA_TELEGRAM_RETRY_HOURS=1)
    def test_a_post_is_marked_failed_only_after_the_retry_period(self):
        self.api.fail_next(1, status=500)
        article = self.publish("Long outage")
        delivery = Delivery.objects.get(post__article=article)
        self.assertEqual(delivery.state, Delivery.State.PENDING)
        self.assertEqual(self.post_of(article).state, Post.State.QUEUED)
        Delivery.objects.filter(pk=delivery.pk).update(
            first_attempt_at=timezone.now() - timedelta(hours=1, minutes=1),
            not_before=timezone.now(),
        )
        self.api.fail_next(1, status=500)
        outbox.drain(self.channel.pk)
        self.assertEqual(self.post_of(article).state, Post.State.FAILED)
        self.assertIn("Gave up after 2 attempts", self.post_of(article).error)

    def test_an_unreachable_api_is_retried_until_it_answers(self):
        with override_settings(KRONIKA_TELEGRAM_API_BASE=f"http://127.0.0.1:{free_port()}"):
            article = self.publish("Offline story")
        self.assertEqual(self.post_of(article).state, Post.State.QUEUED)
        self.assertIn("Cannot reach the Bot API", Delivery.objects.get().error)
        Delivery.objects.update(not_before=timezone.now())
        self.drain_until_idle()
        self.assertEqual(self.post_of(article).state, Post.State.SENT)

    def test_an_uncertain_send_is_flagged_not_repeated_and_resent_on_request(self):
        self.api.drop_next(1)
        article = self.publish("Uncertain story")
        self.drain_until_idle()
        post = self.post_of(article)
        self.assertEqual(post.state, Post.State.FLAGGED)
        self.assertIn("may have been posted", post.error)
        self.assertEqual(self.api.methods(), ["sendPhoto"])

        outbox.resend(post)
        self.drain_until_idle()
        self.assertEqual(self.api.methods(), ["sendPhoto", "sendPhoto"])
        self.assertEqual(self.post_of(article).state, Post.State.SENT)

    def test_a_call_cut_off_by_a_stopped_worker_is_flagged_not_repeated(self):
        article = self.publish("Interrupted story", telegram_choices=[ArticleTelegram(post=False)])
        post = Post.objects.create(article=article, channel=self.channel)
        Delivery.objects.create(
            post=post, channel=self.channel, action="send", state="in_flight", attempts=1
        )
        outbox.drain(self.channel.pk)
        self.assertEqual(self.post_of(article).state, Post.State.FLAGGED)
        self.assertEqual(self.api.calls, [])

    def test_a_channel_is_paced(self):
        Channel.objects.update(posts_per_minute=2)
        for n in range(3):
            self.publish(f"Paced story {n}")
        self.assertEqual(len(self.api.calls), 2)
        waiting = Delivery.objects.get(state="pending")
        self.assertEqual(waiting.post.article.title, "Paced story 2")
        Call.objects.update(made_at=timezone.now() - timedelta(seconds=61))
        outbox.drain(self.channel.pk)
        self.assertEqual(len(self.api.calls), 3)

    def test_only_one_drain_talks_to_a_channel_at_a_time(self):
        Channel.objects.update(lease_until=timezone.now() + timedelta(seconds=30))
        self.publish("Waiting for the other drain")
        self.assertEqual(self.api.calls, [])
        Channel.objects.update(lease_until=timezone.now() - timedelta(seconds=1))
        time.sleep(0.01)
        outbox.drain(self.channel.pk)
        self.assertEqual(len(self.api.calls), 1)

    def test_a_post_that_cannot_be_prepared_fails_with_the_reason(self):
        picture = make_image("Lost file")
        picture.file.storage.delete(picture.file.name)
        article = self.publish("Picture missing", hero_image=picture)
        self.assertEqual(self.post_of(article).state, Post.State.FAILED)
        self.assertIn("could not be prepared", self.post_of(article).error)
        self.assertEqual(self.api.calls, [])
