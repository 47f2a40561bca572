"""The paper's Telegram channel as readers see it: its promo box, footer link and meta tag.

This is the channel the paper advertises to readers, and may differ from the
channels it posts to (models.Channel), which editors set up with bots.
Migration 0003 carried these fields over from the core's PaperSettings.
"""

from urllib.parse import urlsplit

from django.db import models
from django.utils.translation import gettext, gettext_noop
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

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
class TelegramSettings(BaseSiteSetting):
    channel_url = models.URLField(
        "Telegram channel link", blank=True, help_text="For example https://t.me/yourpaper"
    )
    promo_title = models.CharField(max_length=120, default=DEFAULT_PROMO_TITLE)
    promo_text = models.TextField(blank=True, default=DEFAULT_PROMO_TEXT)

    panels = [FieldPanel("channel_url"), FieldPanel("promo_title"), FieldPanel("promo_text")]

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
        parts = urlsplit(self.channel_url or "")
        known = parts.netloc in ("t.me", "telegram.me")
        name = parts.path.strip("/").split("/")[0] if known else ""
        return f"@{name}" if name else ""
