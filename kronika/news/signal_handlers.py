"""Publishing events that start background work.

Tasks are enqueued inside the publishing transaction. With the database task
backend the queued task is a row written in that same transaction, so the work
is queued exactly when the change is committed, and never for a rollback.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Revision
from wagtail.signals import page_published, page_unpublished

from kronika.news import tasks
from kronika.news.models import ArticlePage


def enqueue_publish_scheduled(when) -> None:
    task = tasks.publish_scheduled
    if task.get_backend().supports_defer:
        task.using(run_after=when).enqueue()


@receiver(page_published, sender=ArticlePage)
def on_article_published(sender, instance, **kwargs):
    tasks.update_related_articles.enqueue(instance.pk)
    if instance.expire_at:
        enqueue_publish_scheduled(instance.expire_at)


@receiver(page_unpublished, sender=ArticlePage)
def on_article_unpublished(sender, instance, **kwargs):
    tasks.forget_article.enqueue(instance.pk)


@receiver(post_save, sender=Revision)
def on_revision_scheduled(sender, instance, **kwargs):
    if instance.approved_go_live_at is not None:
        enqueue_publish_scheduled(instance.approved_go_live_at)
