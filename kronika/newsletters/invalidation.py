"""The sign-up form, on every article and the front page, lists the newsletters offered:
a change to one renders every cached page afresh."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from kronika.newsletters.models import Newsletter
from kronika.pagecache import tags
from kronika.pagecache.store import invalidate


@receiver(post_save, sender=Newsletter)
@receiver(post_delete, sender=Newsletter)
def newsletters_changed(sender, **kwargs):
    invalidate(tags.SITE)
