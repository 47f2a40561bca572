from dataclasses import dataclass

from django.db import IntegrityError, models, transaction
from django.db.models import Avg, Count
from django.utils import timezone

from kronika.news.models import ArticlePage
from kronika.pagecache import tags as cache_tags
from kronika.pagecache.store import invalidate

STARS = range(1, 6)


@dataclass(frozen=True)
class Score:
    count: int
    average: float | None

    @property
    def text(self) -> str:
        if not self.count:
            return "Not rated yet"
        noun = "rating" if self.count == 1 else "ratings"
        return f"{self.average:.1f} from {self.count:,} {noun}"


class RatingQuerySet(models.QuerySet):
    def score(self, article) -> Score:
        result = self.filter(article=article).aggregate(count=Count("pk"), average=Avg("stars"))
        return Score(result["count"], result["average"])


class Rating(models.Model):
    """One reader's stars for one article. A reader who votes again replaces their vote."""

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="ratings")
    # The reader's key: from their signed vote cookie, or else the keyed hash of
    # their client. Never an address.
    voter = models.CharField(max_length=64)
    stars = models.PositiveSmallIntegerField(choices=[(n, str(n)) for n in STARS])
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = RatingQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "voter"], name="one_rating_per_reader"),
            models.CheckConstraint(
                condition=models.Q(stars__gte=1, stars__lte=5), name="stars_from_one_to_five"
            ),
        ]

    def __str__(self):
        return f"{self.stars}★ on {self.article_id}"

    @classmethod
    def cast(cls, article, voter: str, stars: int):
        """Record a vote, replacing the reader's earlier one, also when two arrive at once."""
        now = timezone.now()
        for _attempt in range(3):
            try:
                with transaction.atomic():
                    # The score is on the article's page.
                    invalidate(cache_tags.page(article.pk))
                    if cls.objects.filter(article=article, voter=voter).update(
                        stars=stars, updated_at=now
                    ):
                        return
                    cls.objects.create(
                        article=article, voter=voter, stars=stars, created_at=now, updated_at=now
                    )
                    return
            except IntegrityError:
                # The same reader's other request inserted first; update theirs.
                continue
        raise RuntimeError("A vote could not be recorded after three attempts.")
