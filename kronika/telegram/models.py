from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel

from kronika.news.editor_panels import choice_of
from kronika.news.models import ArticlePage, SectionPage
from kronika.telegram.messages import DEFAULT_TEMPLATE, check_template

# The channel the paper advertises to readers is a model of this app too.
from kronika.telegram.promotion import TelegramSettings  # noqa: F401

ENVIRONMENT_CHANNEL = "From the environment"


def default_language() -> str:
    return settings.LANGUAGE_CODE


class ChannelQuerySet(models.QuerySet):
    def enabled(self):
        return self.filter(enabled=True)

    def for_article(self, article):
        """The enabled channels of the article's language whose section filter lets it through."""
        return (
            self.enabled()
            .filter(language=article.locale.language_code)
            .filter(models.Q(sections=None) | models.Q(sections=article.get_parent()))
            .distinct()
        )


class Channel(models.Model):
    """A Telegram channel the paper posts to, through one bot."""

    name = models.CharField(max_length=100, unique=True)
    chat_id = models.CharField(
        "chat ID", max_length=100, help_text="The channel's @username, or its numeric ID (-100…)."
    )
    # Kept to make calls, and never shown again once saved.
    bot_token = models.CharField(max_length=200, blank=True)
    sections = models.ManyToManyField(
        SectionPage,
        blank=True,
        related_name="+",
        help_text="Post only articles of these sections. None chosen: every section.",
    )
    # A paper in several languages has a channel for each: an article goes to
    # its own language's channels only.
    language = models.CharField(
        max_length=15,
        default=default_language,
        help_text="The channel gets the articles written in, or translated into, this language.",
    )
    enabled = models.BooleanField(default=True)
    post_template = models.TextField(
        default=DEFAULT_TEMPLATE,
        help_text="Telegram HTML with {headline}, {standfirst} and {link}.",
    )
    withdrawal_note = models.CharField(
        max_length=300,
        default="This article has been withdrawn.",
        help_text="Replaces a post older than 48 hours when its article is unpublished.",
    )
    posts_per_minute = models.PositiveSmallIntegerField(default=20)
    from_environment = models.BooleanField(default=False, editable=False)
    # One drain at a time per channel: whoever holds an unexpired lease makes the calls.
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ChannelQuerySet.as_manager()

    def __str__(self):
        return self.name

    def clean(self):
        try:
            check_template(self.post_template)
        except ValueError as error:
            raise ValidationError({"post_template": str(error)}) from None
        if not self.chat_id.startswith("@") and not self.chat_id.lstrip("-").isdigit():
            raise ValidationError({"chat_id": "Use the channel's @username or its numeric ID."})

    @property
    def token(self) -> str:
        return self.bot_token or (
            settings.KRONIKA_TELEGRAM_BOT_TOKEN if self.from_environment else ""
        )

    @classmethod
    def from_settings(cls) -> "Channel | None":
        """The channel configured by KRONIKA_TELEGRAM_* variables, kept in step with them."""
        token, chat_id = settings.KRONIKA_TELEGRAM_BOT_TOKEN, settings.KRONIKA_TELEGRAM_CHAT_ID
        if not (token and chat_id):
            return None
        channel, _ = cls.objects.update_or_create(
            from_environment=True,
            defaults={
                "name": ENVIRONMENT_CHANNEL,
                "chat_id": chat_id,
                # The paper's first language: channels for the others are set up in the admin.
                "language": settings.LANGUAGE_CODE,
                "posts_per_minute": settings.KRONIKA_TELEGRAM_POSTS_PER_MINUTE,
            },
        )
        return channel


class Post(models.Model):
    """An article's post in one channel, and what the channel shows of it now."""

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        FLAGGED = "flagged", "Uncertain: check the channel, then resend"
        CANCELLED = "cancelled", "Not sent: unpublished first"
        DELETED = "deleted", "Deleted"
        WITHDRAWN = "withdrawn", "Withdrawn"

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")
    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, related_name="posts")
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    message_id = models.BigIntegerField(null=True, blank=True)
    with_photo = models.BooleanField(default=False)
    # What the channel shows, so an edit is sent only when something visible changed.
    sent_caption = models.TextField(blank=True)
    sent_image_id = models.BigIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "channel"], name="one_post_per_channel")
        ]

    def __str__(self):
        return f"{self.article_id} in {self.channel}"

    @property
    def link(self) -> str:
        """The post's address, for a public channel."""
        if self.message_id and self.channel.chat_id.startswith("@"):
            return f"https://t.me/{self.channel.chat_id[1:]}/{self.message_id}"
        return ""


class Delivery(models.Model):
    """One Bot API call still to be made: the durable outbox the worker drains in order."""

    class Action(models.TextChoices):
        SEND = "send", "Send"
        EDIT = "edit", "Edit"
        DELETE = "delete", "Delete"
        WITHDRAW = "withdraw", "Withdraw"

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        IN_FLIGHT = "in_flight", "In flight"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        FLAGGED = "flagged", "Uncertain"
        SUPERSEDED = "superseded", "Superseded"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="deliveries")
    action = models.CharField(max_length=8, choices=Action.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    not_before = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    first_attempt_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["channel", "state", "created_at"])]

    def __str__(self):
        return f"{self.get_action_display()} {self.post}"


class Call(models.Model):
    """Every call made to the Bot API, with its outcome. Tokens are never recorded."""

    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="calls")
    post = models.ForeignKey(Post, null=True, on_delete=models.SET_NULL, related_name="calls")
    method = models.CharField(max_length=40)
    status = models.PositiveSmallIntegerField(null=True, blank=True)
    ok = models.BooleanField(default=False)
    outcome = models.CharField(max_length=500)
    made_at = models.DateTimeField(default=timezone.now, db_index=True)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-made_at", "-pk"]
        indexes = [models.Index(fields=["channel", "made_at"])]

    def __str__(self):
        return f"{self.method}: {self.outcome}"


class ArticleTelegram(models.Model):
    """Whether one article goes to the paper's channels when it is first published.

    A child of the article's cluster, so it is part of each revision, and the
    revision that goes live decides. An article without one is posted, as the
    field that was on the page (until migration 0004) defaulted to.
    """

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="telegram_choices")
    post = models.BooleanField(
        "post to Telegram",
        default=True,
        help_text="Post the article to the paper's Telegram channels when it is first published.",
    )

    panels = [FieldPanel("post")]

    class Meta:
        verbose_name = "Telegram choice"
        constraints = [
            models.UniqueConstraint(fields=["article"], name="one_telegram_choice_per_article")
        ]

    def __str__(self):
        return "Posted to Telegram" if self.post else "Not posted to Telegram"


def posts_to_telegram(article) -> bool:
    return choice_of(article, "telegram_choices", "post", True)
