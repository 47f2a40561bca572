from django.db import migrations
from django.db.models import Count


def count_comments(apps, schema_editor):
    ArticlePage = apps.get_model("news", "ArticlePage")
    Comment = apps.get_model("comments", "Comment")
    counts = (
        Comment.objects.filter(status="approved")
        .order_by()
        .values("article_id")
        .annotate(count=Count("pk"))
    )
    for row in counts:
        ArticlePage.objects.filter(pk=row["article_id"]).update(comment_count=row["count"])


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0002_moderators"),
        ("news", "0006_article_counts"),
    ]

    operations = [migrations.RunPython(count_comments, migrations.RunPython.noop)]
