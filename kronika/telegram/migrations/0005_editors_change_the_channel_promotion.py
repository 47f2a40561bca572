"""Editors change the Telegram channel the paper advertises: its link and promo box.

These settings hold only what readers see. The bots' tokens are on the
channels the paper posts to (models.Channel), which stay administrators'
(0002_editors_see_calls). docs/newsroom.md.
"""

from django.db import migrations

from kronika.base.group_rights import grant


class Migration(migrations.Migration):
    dependencies = [("telegram", "0004_article_telegram_choices"), ("news", "0002_newsroom")]

    operations = [grant("Editors", "telegram.TelegramSettings", "change")]
