"""Every change of votes sums them again onto their article (see `models.recount`)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from kronika.news.models import ArticlePage
from kronika.ratings.models import Rating, recount


@receiver(post_save, sender=Rating)
@receiver(post_delete, sender=Rating)
def vote_changed(sender, instance, **kwargs):
    recount(instance.article_id)


@receiver(page_published)
def article_published(sender, instance, **kwargs):
    # Publishing saves the whole article, with the sums it read before: a vote
    # cast meanwhile would be lost.
    if isinstance(instance, ArticlePage):
        recount(instance.pk)
