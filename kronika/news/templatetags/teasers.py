from django import template

from kronika.news import teaser_markup
from kronika.news.sitewide import section_at
from kronika.pagecache import tags as cache_tags
from kronika.pagecache.fragments import remember

register = template.Library()


@register.simple_tag(takes_context=True)
def teaser(context, article, with_section=True, **options):
    """An article's teaser, as kronika.news.teaser_markup draws it with `options`.

    Kept in memory until the article's card changes (kronika.pagecache.fragments):
    the same teaser is on the front page, its section's pages, its tags' and
    authors' pages and the related lists of other articles.
    """
    request = context["request"]
    # Links are relative to the host asked for, and options change the markup.
    shown = ",".join(f"{name}={value}" for name, value in sorted(options.items()))
    key = f"teaser:{request.get_host()}:{article.pk}:{with_section}:{shown}"

    def draw():
        # The section's name comes from the sections kept in memory (a rename
        # changes SITE, which every kept teaser depends on), not a query per teaser.
        section = section_at(request, article.parent_path) if with_section else None
        return teaser_markup.draw(request, article, section=section, **options)

    return remember(
        request,
        key,
        [cache_tags.card(article.pk)],
        draw,
        until=article.expire_at.timestamp() if article.expire_at else None,
    )
