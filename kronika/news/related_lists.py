"""The stored "You may also like" lists, and the index of terms they are found from."""

from django.db import models


class RelatedArticle(models.Model):
    """A precomputed "You may also like" entry, so page views never compute it."""

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="related_links"
    )
    related = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="related_to"
    )
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()

    class Meta:
        ordering = ["article", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["article", "related"], name="unique_related_pair"),
            models.UniqueConstraint(fields=["article", "rank"], name="unique_related_rank"),
        ]

    def __str__(self):
        return f"{self.article_id} → {self.related_id} (#{self.rank})"


class ArticleTerm(models.Model):
    """An inverted index of each published article's weighted keywords and tags.

    Related articles are found by looking up the postings of an article's own
    terms, never by comparing it with every other article.
    """

    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=64)
    weight = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["term", "article"], name="unique_term_article")
        ]

    def __str__(self):
        return f"{self.term} in {self.article_id}"
