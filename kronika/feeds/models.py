"""What the paper's feeds carry. Migration 0001 carried it over from the core's PaperSettings."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="link")
class FeedSettings(BaseSiteSetting):
    full_text = models.BooleanField(
        "full text in feeds",
        default=True,
        help_text="Feeds carry whole articles. Off: only the headline and standfirst.",
    )

    panels = [FieldPanel("full_text")]

    class Meta:
        verbose_name = "feeds"
