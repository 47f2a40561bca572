"""The paper's latest headlines, for pages that are not the paper's own (the 404 page)."""

from django import template

from kronika.news.listing import kept_teasers
from kronika.news.models import ArticlePage
from kronika.pagecache import tags as cache_tags

register = template.Library()

# A headline links its article and says when it was published: nothing more to load.
HEADLINE_FIELDS = ("title", "listing_title", "url_path", "first_published_at", "expire_at")


@register.simple_tag(takes_context=True)
def latest_headlines(context, count: int):
    """The `count` newest published articles, kept in memory until the paper's list changes.

    A 404 page is asked for by every mistyped link and every robot probing for
    old addresses, so it must cost no query while nothing is published.
    """

    def build():
        return list(ArticlePage.objects.published().newest_first().only(*HEADLINE_FIELDS)[:count])

    return kept_teasers(context["request"], f"headlines:{count}", cache_tags.listing(), build)
