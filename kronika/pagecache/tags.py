"""What cached pages are built from, and how views say so.

A view that calls `depends_on` opts its anonymous GET responses into the page
cache; the tags it names decide which changes render the page afresh. Every
page also depends on `SITE`, which changes with the paper's settings, menus,
sections, authors, tags and pictures: rare edits that may show anywhere.
"""

import math
from datetime import datetime

SITE = "site"
# Any article published, edited or withdrawn: sitemaps list every article with its last change.
ARTICLES = "articles"


def page(pk: int) -> str:
    """Everything a page shows at its own address: its text, comments, rating, neighbours."""
    return f"page:{pk}"


def card(pk: int) -> str:
    """An article as other pages show it: headline, standfirst, picture, link."""
    return f"card:{pk}"


def versions(translation_key) -> str:
    """Which languages a page is published in: its switcher and hreflang links, in each."""
    return f"versions:{translation_key}"


def listing(kind: str = "all", pk: int | None = None) -> str:
    """Which articles a list holds and in what order: the paper's, a section's, a tag's…"""
    return f"list:{kind}" if pk is None else f"list:{kind}:{pk}"


def depends_on(request, *tags: str, until: datetime | None = None) -> None:
    """Let the page cache keep this response, until any of `tags` changes or `until` passes."""
    dependencies = getattr(request, "page_cache", None)
    if dependencies is None:
        return
    dependencies.cacheable = True
    dependencies.tags.update(tags)
    if until is not None:
        dependencies.until = min(dependencies.until or math.inf, until.timestamp())


def depends_on_articles(request, articles) -> None:
    """Depend on the cards of the articles shown, and expire with the first to expire."""
    articles = [article for article in articles if article is not None]
    expiries = [article.expire_at for article in articles if article.expire_at]
    depends_on(
        request,
        *(card(article.pk) for article in articles),
        until=min(expiries) if expiries else None,
    )
