import math
from dataclasses import dataclass

from django.db import IntegrityError, models, transaction
from django.db.models import Avg, Count, Sum
from django.utils import timezone
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
            return _("Not rated yet")
        # Rounded as before, then written with the language's decimal separator.
        average = f"{self.average:.1f}".replace(".", get_format("DECIMAL_SEPARATOR"))
        return ngettext(
            "%(average)s from %(count)s rating", "%(average)s from %(count)s ratings", self.count
        ) % {"average": average, "count": number_format(self.count, force_grouping=True)}

    @property
    def halves(self) -> int:
        """The average in half stars, 0 to 10, which the filled stars show."""
        # Halves round up, as the page's script does (Math.round), not to even.
        return math.floor(self.average * 2 + 0.5) if self.count else 0

    @classmethod
    def of(cls, article) -> "Score":
        """The score kept on the article (see `recount`), without reading the votes."""
        count = article.rating_count
        return cls(count, article.rating_stars / count if count else None)


class RatingQuerySet(models.QuerySet):
    def score(self, article) -> Score:
        result = self.filter(article=article).aggregate(count=Count("pk"), average=Avg("stars"))
        return Score(result["count"], result["average"])


def recount(article_id: int) -> None:
    """Sum the article's votes again onto the article, which shows them without reading them.

    Summed from the votes on every change rather than stepped, so no path can
    leave it off by one; the article's row is locked first, so that two votes
    committing at once on PostgreSQL each sum after the other is visible.
    """
    with transaction.atomic():
        article = ArticlePage.objects.select_for_update().filter(pk=article_id)
        if not article.values_list("pk", flat=True):
            return  # the article is being deleted with its votes
        votes = Rating.objects.filter(article_id=article_id).aggregate(
            count=Count("pk"), stars=Sum("stars")
        )
        article.update(rating_count=votes["count"], rating_stars=votes["stars"] or 0)


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
                    # A changed vote is an update, which sends no signal to recount.
                    if cls.objects.filter(article=article, voter=voter).update(
                        stars=stars, updated_at=now
                    ):
                        recount(article.pk)
                        return
                    cls.objects.create(
                        article=article, voter=voter, stars=stars, created_at=now, updated_at=now
                    )
                    return
            except IntegrityError:
                # The same reader's other request inserted first; update theirs.
                continue
        raise RuntimeError("A vote could not be recorded after three attempts.")
