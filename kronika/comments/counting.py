"""The article's count of approved comments, kept exact as comments change.

The article page shows the count, and skips reading comments at all when it is
zero. It is counted again from the comments themselves on every change rather
than stepped up and down: a comment saved, moderated, or deleted (also with
its article or its parent) can then never leave the count off by one. The
article's row is locked first, so that two changes committing at once on
PostgreSQL each count after the other's comment is visible.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from kronika.comments.models import Comment
from kronika.news.models import ArticlePage


def recount(article_id: int) -> None:
    with transaction.atomic():
        article = ArticlePage.objects.select_for_update().filter(pk=article_id)
        if not article.values_list("pk", flat=True):
            return  # the article is being deleted with its comments
        count = Comment.objects.filter(article_id=article_id).approved().count()
        article.update(comment_count=count)


@receiver(post_save, sender=Comment)
@receiver(post_delete, sender=Comment)
def comment_changed(sender, instance, **kwargs):
    recount(instance.article_id)


@receiver(page_published)
def article_published(sender, instance, **kwargs):
    # Publishing saves the whole article, with the count it read before; a
    # comment approved meanwhile would be missed.
    if isinstance(instance, ArticlePage):
        recount(instance.pk)
