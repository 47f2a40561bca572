from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from kronika.news.sitewide import section_at
from kronika.pagecache import tags as cache_tags
from kronika.pagecache.fragments import remember

register = template.Library()

TEMPLATE = "news/includes/teaser.html"


@register.simple_tag(takes_context=True)
def teaser(context, article, **options):
    """An article's teaser as `news/includes/teaser.html` draws it with `options`.

    Kept in memory until the article's card changes (kronika.pagecache.fragments):
    the same teaser is on the front page, its section's pages, its tags' and
    authors' pages and the related lists of other articles.
    """
    request = context["request"]
    # Links are relative to the host asked for, and options change the markup.
    shown = ",".join(f"{name}={value}" for name, value in sorted(options.items()))
    key = f"teaser:{request.get_host()}:{article.pk}:{shown}"
    html = remember(
        request,
        key,
        [cache_tags.card(article.pk)],
        lambda: render_to_string(TEMPLATE, teaser_context(request, article, options)),
        until=article.expire_at.timestamp() if article.expire_at else None,
    )
    return mark_safe(html)  # noqa: S308 - rendered by the template above, which escapes


def teaser_context(request, article, options) -> dict:
    # The section label comes from the sections kept in memory (a rename
    # changes SITE, which every kept teaser depends on), not a query per teaser.
    shows_section = options.get("with_section", True)
    section = section_at(request, article.parent_path) if shows_section else None
    return {"article": article, "request": request, "section": section, **options}
