from django.db import migrations
from django.db.models import Count, Sum


def count_votes(apps, schema_editor):
    ArticlePage = apps.get_model("news", "ArticlePage")
    Rating = apps.get_model("ratings", "Rating")
    sums = Rating.objects.order_by().values("article_id").annotate(count=Count("pk"), stars=Sum("stars"))
    for row in sums:
        ArticlePage.objects.filter(pk=row["article_id"]).update(
            rating_count=row["count"], rating_stars=row["stars"]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("ratings", "0002_readers_of_ratings"),
        ("news", "0006_article_counts"),
    ]

    operations = [migrations.RunPython(count_votes, migrations.RunPython.noop)]
