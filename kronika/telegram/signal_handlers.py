from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from kronika.news.models import ArticlePage
from kronika.telegram import outbox


@receiver(page_published, sender=ArticlePage)
def on_article_published(sender, instance, **kwargs):
    outbox.article_published(instance)


@receiver(page_unpublished, sender=ArticlePage)
def on_article_unpublished(sender, instance, **kwargs):
    outbox.article_unpublished(instance)
