"""Editors set how comments are moderated, when they close, and the blocked words.

Moderation is the newsroom's daily work (0002_moderators), and these settings
are its rules: the people who apply them change them. docs/newsroom.md.
"""

from django.db import migrations

from kronika.base.group_rights import grant


class Migration(migrations.Migration):
    dependencies = [("comments", "0004_comment_settings_and_policies"), ("news", "0002_newsroom")]

    operations = [grant("Editors", "comments.CommentSettings", "change")]
