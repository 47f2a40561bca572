"""What the paper decides about comments: site-wide, and article by article.

Both used to live in the core (on PaperSettings and ArticlePage). They belong
to comments, so that a paper without comments carries none of them; the
migration 0004 carried their values over.

The article's policy is a child of the article's cluster, as its authors are:
it is part of each revision, so a draft that closes comments closes them when
it is published, not before, as it did when it was a field of the page.
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from kronika.news.editor_panels import choice_of
from kronika.news.models import ArticlePage


class Moderation(models.TextChoices):
    FIRST = "first", "Hold a new commenter's first comment; approve known commenters"
    ALL = "all", "Hold every comment for moderation"
    NONE = "none", "Publish comments at once"


class Policy(models.TextChoices):
    INHERIT = "inherit", "As the site default"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    open_by_default = models.BooleanField("comments open by default", default=True)
    auto_close_days = models.PositiveIntegerField(
        "close comments after (days)",
        default=14,
        help_text="Close comments this many days after publication. 0 keeps them open.",
    )
    moderation = models.CharField(
        max_length=8, choices=Moderation.choices, default=Moderation.FIRST
    )
    blocked_words = models.TextField(
        blank=True,
        help_text=(
            "One word or phrase per line. A comment containing any of them is refused. "
            "Case does not matter."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("open_by_default"), FieldPanel("auto_close_days")], "Open and closed"
        ),
        MultiFieldPanel([FieldPanel("moderation"), FieldPanel("blocked_words")], "Moderation"),
    ]

    class Meta:
        verbose_name = "comments"

    @property
    def blocked_word_list(self) -> list[str]:
        return [
            line.strip().casefold() for line in self.blocked_words.splitlines() if line.strip()
        ]


class ArticleCommentPolicy(models.Model):
    """Whether one article takes comments: as the site decides, or open or closed for good.

    An article without one follows the site, as "inherit" does.
    """

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="comment_policies")
    policy = models.CharField(
        "comments", max_length=10, choices=Policy.choices, default=Policy.INHERIT
    )

    panels = [FieldPanel("policy")]

    class Meta:
        verbose_name = "comment policy"
        constraints = [
            models.UniqueConstraint(fields=["article"], name="one_comment_policy_per_article")
        ]

    def __str__(self):
        return self.get_policy_display()


def policy_of(article) -> str:
    return choice_of(article, "comment_policies", "policy", Policy.INHERIT)


def close_at(article, site_settings: CommentSettings, policy: str | None = None):
    """When the article's open comments close by themselves, if they do."""
    days = site_settings.auto_close_days
    policy = policy or policy_of(article)
    if policy != Policy.INHERIT or not days or not article.first_published_at:
        return None
    return article.first_published_at + timedelta(days=days)


def comments_open(article, site_settings: CommentSettings, now=None, policy=None) -> bool:
    policy = policy or policy_of(article)
    if policy != Policy.INHERIT:
        return policy == Policy.OPEN
    if not site_settings.open_by_default:
        return False
    closes = close_at(article, site_settings, policy)
    return closes is None or (now or timezone.now()) < closes
