"""An article's teaser, drawn in Python rather than by a template.

A teaser is the most repeated thing the paper draws: twenty on a page of a
section, tag or author, eight under an article, a dozen on the front page.
Kept teasers cost nothing (kronika.news.templatetags.teasers), but a crawler
or an archive reader asks for pages whose teasers nobody has asked for yet.
Drawn by a template, a teaser took about 0.5 ms, most of it in Wagtail's
`{% image %}` (which parses its filter anew on every call, through
`inspect.getcallargs`) and the template engine's lookups; a deep page of a
section spent two thirds of its time there. Drawn here, with each picture
size's filter parsed once per process, a deep page of twenty took a fifth
less time (26.1 to 21.0 ms p50 in `make bench`, at 100,000 articles).

The markup is the one the stylesheet (kronika.css, `.teaser`) is written for.
"""

from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext, pgettext
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_rendition_or_not_found

from kronika.base.templatetags.kronika_tags import iso

# Parsed once: a Filter keeps its parsed operations (kronika.news.queries
# fetches these sizes with a list's teasers, TEASER_RENDITIONS).
BIG_PICTURE = Filter(spec="fill-960x540|format-webp")
SMALL_PICTURE = Filter(spec="fill-480x270|format-webp")
BIG_ATTRS = {"loading": "eager", "fetchpriority": "high", "alt": ""}
SMALL_ATTRS = {"loading": "lazy", "alt": ""}
HEADING_LEVELS = frozenset({"h2", "h3", "h4"})


def draw(
    request,
    article,
    *,
    section=None,
    level: str = "h3",
    big: bool = False,
    with_image: bool = False,
    with_standfirst: bool = False,
    with_byline: bool = False,
) -> SafeString:
    """The teaser of `article`: its picture, `section`'s name, headline, standfirst and byline.

    Links are relative to the host of `request`, as Wagtail's `{% pageurl %}` makes them.
    """
    if level not in HEADING_LEVELS:
        raise ValueError(f"A teaser's heading is one of {sorted(HEADING_LEVELS)}, not {level!r}")
    url = article.get_url(request)
    classes = (
        "teaser" + (" teaser--lead" if big else "") + (" teaser--pictured" if with_image else "")
    )
    heading = '<{0} class="teaser-title"><a href="{1}">{2}</a></{0}>'
    lines = [
        format_html('<article class="{}">', classes),
        _picture(article, url, big) if with_image else "",
        '  <div class="teaser-text">',
        format_html('    <p class="teaser-section">{}</p>', section.title) if section else "",
        # The level is one of HEADING_LEVELS.
        format_html("    " + heading, mark_safe(level), url, article.display_title),  # noqa: S308
        format_html('    <p class="teaser-standfirst">{}</p>', article.standfirst)
        if with_standfirst
        else "",
        format_html(
            '    <p class="teaser-meta">{}{}</p>',
            _byline(article) if with_byline else "",
            _date(article.first_published_at),
        ),
        "  </div>",
        "</article>",
    ]
    # Every part went through format_html, which escapes what it is given.
    return mark_safe("\n".join(line for line in lines if line))  # noqa: S308


def _picture(article, url: str, big: bool) -> str:
    if article.hero_image is None:
        return '  <span class="teaser-image teaser-image--none" aria-hidden="true"></span>'
    if big:
        rendition = get_rendition_or_not_found(article.hero_image, BIG_PICTURE)
        img = rendition.img_tag(BIG_ATTRS)
    else:
        rendition = get_rendition_or_not_found(article.hero_image, SMALL_PICTURE)
        img = rendition.img_tag(SMALL_ATTRS)
    return format_html(
        '  <a class="teaser-image" href="{}" tabindex="-1" aria-hidden="true">{}</a>', url, img
    )


def _byline(article) -> str:
    names = [author.name for author in article.authors]
    if not names:
        return ""
    shown = get_text_list(names, gettext("and"))
    return format_html('<span class="teaser-byline">{}</span> ', shown)


def _date(moment) -> str:
    # As the template's `date` filter shows it: in the paper's time zone, in the
    # language's own order ("2026 m. gruodžio 6 d.", "6 декабря 2026"). A teaser
    # is kept without its language in the key: an article is listed only in its own.
    pattern = pgettext("the date in an article's teaser", "j M Y")
    shown = date_filter(timezone.localtime(moment), pattern) if moment else ""
    return format_html('<time datetime="{}">{}</time>', iso(moment), shown)
