# Whether an article is posted to Telegram is telegram.ArticleTelegram now,
# copied from the column left here (kronika/base/migrating.py says why it stays).

from django.db import migrations, models

from kronika.base.migrating import left_behind


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0007_comment_policy_moved_to_comments"),
    ]

    operations = left_behind("articlepage", "post_to_telegram", models.BooleanField(null=True))
