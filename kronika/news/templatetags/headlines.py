"""The paper's latest headlines, for pages that are not the paper's own (the 404 page)."""

from django import template
from django.utils.translation import get_language

from kronika.news.listing import kept_teasers
from kronika.news.models import ArticlePage
from kronika.pagecache import tags as cache_tags

register = template.Library()

# A headline links its article and says when it was published: nothing more to load.
HEADLINE_FIELDS = ("title", "listing_title", "url_path", "first_published_at", "expire_at")


@register.simple_tag(takes_context=True)
def latest_headlines(context, count: int):
    """The `count` newest published articles in the page's language, kept until the list changes.

    A 404 page is asked for by every mistyped link and every robot probing for
    old addresses, so it must cost no query while nothing is published.
    """

    language = get_language()

    def build():
        articles = ArticlePage.objects.published().in_language(language).newest_first()
        return list(articles.only(*HEADLINE_FIELDS)[:count])

    key = f"headlines:{count}:{language}"
    return kept_teasers(context["request"], key, cache_tags.listing(), build)
