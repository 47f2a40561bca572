"""The paper's Telegram channel as readers see it: its promo box, footer link and meta tag.

This is the channel the paper advertises to readers, and may differ from the
channels it posts to (models.Channel), which editors set up with bots.
Migration 0003 carried these fields over from the core's PaperSettings.

A paper in several languages may advertise a channel in each: an edition's
channel (EditionChannel) is what its pages show, and the paper's channel is
shown where an edition has none. Pages ask `promotion(request)`, which reads
the editions from memory, kept behind the SITE tag that saving the settings
bumps.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import get_language, gettext, gettext_noop
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from kronika.base.languages import multilingual
from kronika.pagecache.fragments import remember

# The defaults are stored in the database, in English. Shown unchanged, they
# are shown in the reader's language; once an editor changes them, as written.
DEFAULT_PROMO_TITLE = gettext_noop("Join our Telegram channel")
DEFAULT_PROMO_TEXT = gettext_noop(
    "The latest information, pictures and videos, also where this site is blocked. "
    "Telegram works on a phone, a PC or a laptop."
)


def _shown(value: str, default: str) -> str:
    return gettext(default) if value == default else value


@register_setting(icon="globe")
class TelegramSettings(ClusterableModel, BaseSiteSetting):
    channel_url = models.URLField(
        "Telegram channel link", blank=True, help_text="For example https://t.me/yourpaper"
    )
    promo_title = models.CharField(max_length=120, default=DEFAULT_PROMO_TITLE)
    promo_text = models.TextField(blank=True, default=DEFAULT_PROMO_TEXT)

    panels = [
        FieldPanel("channel_url"),
        FieldPanel("promo_title"),
        FieldPanel("promo_text"),
        InlinePanel(
            "editions",
            heading="Channels in the paper's other languages",
            label="Channel in another language",
            help_text="Pages in that language advertise it instead of the channel above.",
        ),
    ]

    class Meta:
        verbose_name = "Telegram channel"

    @property
    def shown_title(self) -> str:
        """The promo's title, in the reader's language while it is still the default."""
        return _shown(self.promo_title, DEFAULT_PROMO_TITLE)

    @property
    def shown_text(self) -> str:
        """The promo's text, in the reader's language while it is still the default."""
        return _shown(self.promo_text, DEFAULT_PROMO_TEXT)

    @property
    def channel_name(self) -> str:
        """@name from a t.me link, for the telegram:channel meta tag."""
        return _channel_name(self.channel_url)


def _channel_name(channel_url: str) -> str:
    parts = urlsplit(channel_url or "")
    known = parts.netloc in ("t.me", "telegram.me")
    name = parts.path.strip("/").split("/")[0] if known else ""
    return f"@{name}" if name else ""


class EditionChannel(Orderable):
    """The channel one of the paper's languages advertises, with its promo in that language."""

    paper_channel = ParentalKey(
        TelegramSettings, related_name="editions", on_delete=models.CASCADE
    )
    # Any code, so that changing KRONIKA_LANGUAGES needs no migration; its
    # panel offers the paper's languages.
    language = models.CharField(max_length=15)
    channel_url = models.URLField(
        "Telegram channel link", help_text="For example https://t.me/yourpaper_lt"
    )
    promo_title = models.CharField(
        max_length=120, blank=True, help_text="Empty: the default title, in the language."
    )
    promo_text = models.TextField(
        blank=True, help_text="Empty: the default text, in the language."
    )

    panels = [
        FieldPanel("language", widget=forms.Select(choices=settings.LANGUAGES)),
        FieldPanel("channel_url"),
        FieldPanel("promo_title"),
        FieldPanel("promo_text"),
    ]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["paper_channel", "language"], name="one_channel_per_language"
            )
        ]


@dataclass(frozen=True)
class Promotion:
    """The channel a page advertises, as its templates show it."""

    channel_url: str
    shown_title: str
    shown_text: str

    @property
    def channel_name(self) -> str:
        return _channel_name(self.channel_url)


def promotion(request) -> Promotion:
    """The channel the request's pages advertise: its language's, or the paper's."""
    paper = TelegramSettings.for_request(request)
    edition = _editions(request, paper).get(get_language())
    if edition is None:
        return Promotion(paper.channel_url, paper.shown_title, paper.shown_text)
    return Promotion(
        edition.channel_url,
        edition.promo_title or gettext(DEFAULT_PROMO_TITLE),
        edition.promo_text or gettext(DEFAULT_PROMO_TEXT),
    )


def _editions(request, paper) -> dict:
    if not multilingual():
        return {}
    return remember(
        request,
        f"telegram-editions:{paper.pk}",
        (),
        lambda: {edition.language: edition for edition in paper.editions.all()},
    )
