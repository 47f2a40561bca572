"""Which changes to the paper's pages render which cached pages afresh.

An article's publication, edit or withdrawal touches its own page, its card
wherever it is shown, its neighbours' previous/next links, feeds and sitemaps,
and the lists it enters or leaves. Lists are the expensive part (a section's
list is on every article of that section, in "More in"), so they are bumped
only when the article's memberships change: when it goes live or leaves, or
when its section, tags, authors or picture change. The memberships last
published are remembered in the shared cache for that comparison.
"""

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from kronika.news.models import ArticlePage, Author, SectionPage
from kronika.pagecache import tags as t
from kronika.pagecache.store import ALIAS, invalidate, invalidations_deferred

HAS_PICTURE = "picture"  # a membership marker: the home page's lead prefers articles with one


def memberships(article: ArticlePage) -> set[str]:
    sections = SectionPage.objects.ancestor_of(article).values_list("pk", flat=True)
    found = {t.listing(), *(t.listing("section", pk) for pk in sections)}
    found.update(t.listing("tag", tag.pk) for tag in article.tags.all())
    found.update(t.listing("author", link.author_id) for link in article.article_authors.all())
    if article.hero_image_id:
        found.add(HAS_PICTURE)
    return found


def _memberships_key(article_id: int) -> str:
    return f"members:{article_id}"


def article_changed(article: ArticlePage, *, live: bool) -> None:
    if invalidations_deferred():
        # Everything is renewed at the end; the memberships left unremembered
        # make the article's next change bump all its lists, which is safe.
        return
    shared = caches[ALIAS]
    key = _memberships_key(article.pk)
    now = memberships(article)
    before = shared.get(key)
    tags = {t.page(article.pk), t.card(article.pk), t.ARTICLES}
    # Its translations name it in their hreflang links and language switcher.
    tags.add(t.versions(article.translation_key))
    if before is None or set(before) != now or not live:
        tags |= now | set(before or ())
    tags.discard(HAS_PICTURE)
    # The articles just before and after link to this one by its headline.
    for neighbour in (article.previous_article, article.next_article):
        if neighbour is not None:
            tags.add(t.page(neighbour.pk))
    # Remembered only once the change is committed: memberships of a publication
    # that was rolled back would hide the next real change of lists.
    if live:
        transaction.on_commit(lambda: shared.set(key, sorted(now), timeout=None))
    else:
        transaction.on_commit(lambda: shared.delete(key))
    invalidate(*tags)


@receiver(page_published)
def on_page_published(sender, instance, **kwargs):
    # Wagtail also sends this when a page that is not live is scheduled for later.
    if not instance.live:
        return
    if isinstance(instance, ArticlePage):
        article_changed(instance, live=True)
    else:
        invalidate(t.SITE)


@receiver(page_unpublished)
def on_page_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        article_changed(instance, live=False)
    else:
        invalidate(t.SITE)


@receiver(post_page_move)
def on_page_moved(sender, instance, **kwargs):
    invalidate(t.SITE)


@receiver(post_delete)
def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | Author | Tag):
        invalidate(t.SITE)


@receiver(post_save)
def on_saved(sender, instance, created, **kwargs):
    # A new author or tag shows nowhere until a page using it is published,
    # and that publication bumps what it touches.
    if isinstance(instance, Author | Tag) and not created:
        invalidate(t.SITE)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_privacy_changed(sender, instance, **kwargs):
    # A page made private must leave the cache at once, with every list it is on;
    # the cache is for anonymous readers, whom no privacy setting lets in.
    invalidate(t.SITE)
