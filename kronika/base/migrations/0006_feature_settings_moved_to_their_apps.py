# The paper's settings keep only what every paper has. What belonged to
# comments, Telegram and feeds is now in their own settings, which copy it from
# the columns left here (kronika/base/migrating.py says why they stay).

from django.db import migrations, models

from kronika.base.migrating import left_behind


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0005_body_gallery_table_separator_code_html"),
    ]

    operations = left_behind(
        "papersettings",
        {
            "telegram_url": models.URLField(blank=True, null=True),
            "telegram_promo_title": models.CharField(max_length=120, null=True),
            "telegram_promo_text": models.TextField(null=True),
            "comments_open_by_default": models.BooleanField(null=True),
            "comments_auto_close_days": models.PositiveIntegerField(null=True),
            "comment_moderation": models.CharField(max_length=8, null=True),
            "comment_blocked_words": models.TextField(null=True),
            "feeds_full_text": models.BooleanField(null=True),
        },
    )
