"""Editors change the paper's settings (name, tagline, logo, language) as administrators do.

The newsroom's groups are the news app's (0002_newsroom), so the grant on the
core's PaperSettings is made here. docs/newsroom.md sets out who may do what.
"""

from django.db import migrations

from kronika.base.group_rights import grant


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0008_newsroom_help_texts"),
        ("base", "0006_feature_settings_moved_to_their_apps"),
    ]

    operations = [grant("Editors", "base.PaperSettings", "change")]
