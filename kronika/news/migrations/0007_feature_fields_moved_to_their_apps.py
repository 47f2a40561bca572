# The comment policy is comments.ArticleCommentPolicy now, and whether an
# article is posted to Telegram is telegram.ArticleTelegram; each copies from
# the column left here (kronika/base/migrating.py says why they stay, and why
# both leave in one migration).

from django.db import migrations, models

from kronika.base.migrating import left_behind


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_article_counts"),
    ]

    operations = left_behind(
        "articlepage",
        {
            "comment_policy": models.CharField(max_length=10, null=True),
            "post_to_telegram": models.BooleanField(null=True),
        },
    )
