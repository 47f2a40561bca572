"""Background work of the newsroom, run by `kronika worker`."""

import logging

from django.core.management import call_command
from django_tasks import task

from kronika.news import related
from kronika.news.models import ArticlePage, RelatedArticle

logger = logging.getLogger(__name__)


@task()
def update_related_articles(article_id: int) -> None:
    """Recompute an article's related list, and let its relatives list it in turn."""
    article = ArticlePage.objects.published().filter(pk=article_id).first()
    if article is None:
        forget_article.call(article_id)
        return
    for other in ArticlePage.objects.published().filter(pk__in=related.refresh_related(article)):
        related.recompute_list(other)


@task()
def forget_article(article_id: int) -> None:
    """Take an article that left the public site out of every related list."""
    related.unindex_article(article_id)
    referrers = RelatedArticle.objects.filter(related_id=article_id).values_list(
        "article_id", flat=True
    )
    for other in ArticlePage.objects.published().filter(pk__in=list(referrers)):
        related.recompute_list(other)


@task()
def publish_scheduled() -> None:
    """Publish what has reached its go-live time and unpublish what has expired."""
    call_command("publish_scheduled")
