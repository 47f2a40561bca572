"""Background work of the newsroom, run by `kronika worker`."""

from django_tasks import task

from kronika.news import related, scheduled
from kronika.news.models import ArticlePage, RelatedArticle


@task()
def update_related_articles(article_ids: list[int]) -> None:
    """Index newly published or edited articles, then refresh their lists and their relatives'.

    All the articles are indexed before any list is computed, so a batch
    published together finds its own members.
    """
    articles = list(ArticlePage.objects.published().filter(pk__in=article_ids))
    for article_id in set(article_ids) - {article.pk for article in articles}:
        forget_article.call(article_id)
    terms = {article.pk: related.index_article(article) for article in articles}
    relatives = set()
    for article in articles:
        ranked = related.find_related(article, terms[article.pk])
        related.store_related(article, ranked)
        relatives.update(pk for pk, _ in ranked)
    for other in ArticlePage.objects.published().filter(pk__in=relatives - set(terms)):
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
    scheduled.publish_due()
