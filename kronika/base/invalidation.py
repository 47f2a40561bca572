"""Which changes to the site, its settings and its pictures render every cached page afresh.

Every page shows the site's settings (its name, logo and menus, and what the
features show from theirs), and a picture may be on any of them, so each of
these bumps the `site` tag. Pages and lists have their own rules, next to
their models (news.invalidation).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site

from kronika.base.models import KronikaImage
from kronika.base.rediscache import shared_cache_recovered
from kronika.pagecache import tags as t
from kronika.pagecache.store import invalidate, page_cache


@receiver(post_delete)
def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Site | KronikaImage):
        invalidate(t.SITE)


@receiver(post_save)
def on_saved(sender, instance, created, **kwargs):
    # Site settings (the paper's, and each feature's) are created with their
    # defaults on first use, which changes nothing; a new picture shows nowhere
    # until a page using it is published, and that publication bumps what it touches.
    if isinstance(instance, Site) or (
        isinstance(instance, BaseSiteSetting | KronikaImage) and not created
    ):
        invalidate(t.SITE)


@receiver(shared_cache_recovered)
def shared_cache_came_back(location, **kwargs):
    # Invalidations sent while the shared cache was down were lost, so nothing
    # it kept from before the outage can be trusted.
    shared = page_cache.shared
    if getattr(getattr(shared, "outage", None), "location", None) == location:
        page_cache.bump({t.SITE})
