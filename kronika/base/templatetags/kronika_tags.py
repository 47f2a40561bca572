from django import template
from django.templatetags.static import static
from django.utils.html import format_html_join

from kronika.base import fonts
from kronika.base import wordmark as paper_wordmark

register = template.Library()


@register.filter
def iso(moment) -> str:
    """A machine-readable time for <time datetime>, which allows at most milliseconds."""
    if not moment:
        return ""
    return moment.replace(microsecond=0).isoformat()


@register.simple_tag
def font_preloads(language: str) -> str:
    """Preload links for the body font's files every page of a paper in `language` shows."""
    # Fonts are fetched in CORS mode, so a preload without crossorigin is not reused.
    return format_html_join(
        "\n",
        '<link rel="preload" href="{}" as="font" type="font/woff2" crossorigin>',
        ((static(path),) for path in fonts.preloads(language)),
    )


@register.simple_tag
def wordmark(name: str) -> str:
    """The paper's name as an inline SVG wordmark (kronika.base.wordmark), sized by CSS."""
    return paper_wordmark.svg(name)
