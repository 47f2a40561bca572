"""Editors decide whether the paper's feeds carry whole articles. docs/newsroom.md."""

from django.db import migrations

from kronika.base.group_rights import grant


class Migration(migrations.Migration):
    dependencies = [("feeds", "0001_feed_settings"), ("news", "0002_newsroom")]

    operations = [grant("Editors", "feeds.FeedSettings", "change")]
