"""The paper's Telegram channel as readers see it: its promo box, footer link and meta tag.

This is the channel the paper advertises to readers, and may differ from the
channels it posts to (models.Channel), which editors set up with bots.
Migration 0003 carried these fields over from the core's PaperSettings.
"""

from urllib.parse import urlsplit

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="globe")
class TelegramSettings(BaseSiteSetting):
    channel_url = models.URLField(
        "Telegram channel link", blank=True, help_text="For example https://t.me/yourpaper"
    )
    promo_title = models.CharField(max_length=120, default="Join our Telegram channel")
    promo_text = models.TextField(
        blank=True,
        default=(
            "The latest information, pictures and videos, also where this site is blocked. "
            "Telegram works on a phone, a PC or a laptop."
        ),
    )

    panels = [FieldPanel("channel_url"), FieldPanel("promo_title"), FieldPanel("promo_text")]

    class Meta:
        verbose_name = "Telegram channel"

    @property
    def channel_name(self) -> str:
        """@name from a t.me link, for the telegram:channel meta tag."""
        parts = urlsplit(self.channel_url or "")
        known = parts.netloc in ("t.me", "telegram.me")
        name = parts.path.strip("/").split("/")[0] if known else ""
        return f"@{name}" if name else ""
