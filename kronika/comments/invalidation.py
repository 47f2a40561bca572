"""Which comment changes render which cached pages afresh: only the article they are on."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from kronika.comments.models import Comment
from kronika.pagecache import tags as t
from kronika.pagecache.store import invalidate


@receiver(post_save, sender=Comment)
def on_comment_saved(sender, instance, created, **kwargs):
    # A new comment held for moderation or caught as spam shows nowhere yet.
    if not created or instance.status == Comment.Status.APPROVED:
        invalidate(t.page(instance.article_id))


@receiver(post_delete, sender=Comment)
def on_comment_deleted(sender, instance, **kwargs):
    invalidate(t.page(instance.article_id))
