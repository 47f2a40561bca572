"""A paper with a Telegram channel whose Bot API is the fake server on loopback."""

import time

from django.test import override_settings

from kronika.telegram import outbox
from kronika.telegram.models import Channel, Post
from kronika.telegram.tests.fake_bot_api import FakeBotApi
from kronika.testing import KronikaTestCase, build_article, make_image

TOKEN = "123:secret-token"


class TelegramTestCase(KronikaTestCase):
    @classmethod
    def setUpClass(cls):
        cls.api = FakeBotApi(tokens=[TOKEN]).start()
        cls.api_settings = override_settings(
            KRONIKA_TELEGRAM_API_BASE=cls.api.base_url, KRONIKA_TELEGRAM_TIMEOUT=5
        )
        cls.api_settings.enable()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.api_settings.disable()
        cls.api.stop()

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.channel = Channel.objects.create(
            name="Kronika", chat_id="@kronika_test", bot_token=TOKEN, posts_per_minute=100
        )
        cls.picture = make_image("Harbour at dawn")

    def setUp(self):
        self.api.calls.clear()
        self.api.messages.clear()
        self.api.scripted.clear()
        self.api.early_calls.clear()
        self.api.blocked_until = 0
        self.api.next_id = 100

    def publish(self, title, section=None, **fields):
        """Publish a new article for the first time, as the admin does."""
        fields.setdefault("hero_image", self.picture)
        article = build_article(section or self.news, title, live=False, **fields)
        (section or self.news).add_child(instance=article)
        article.save_revision().publish()
        article.refresh_from_db()
        return article

    def post_of(self, article, channel=None) -> Post:
        return Post.objects.get(article=article, channel=channel or self.channel)

    def drain_until_idle(self, timeout=30):
        """Play the worker: drain whenever a wait has passed, until nothing is pending."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            outbox.drain(self.channel.pk)
            pending = self.channel.deliveries.filter(state="pending")
            if not pending.exists():
                return
            time.sleep(0.2)
        raise AssertionError("the outbox did not empty in time")
