from django import template
from django.templatetags.static import static
from django.utils.html import format_html_join

from kronika.base import fonts, languages, page_urls
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


def _translations(context) -> list:
    request = context.get("request")
    return [] if request is None else languages.versions(request, context.get("page"))


@register.simple_tag(takes_context=True)
def hreflang_links(context) -> str:
    """<link rel="alternate" hreflang> for every version, itself included, and x-default."""
    translations = _translations(context)
    default = languages.default_version(translations)
    links = [(version.code, version.url) for version in translations]
    if default is not None:
        links.append(("x-default", default.url))
    return format_html_join("\n", '<link rel="alternate" hreflang="{}" href="{}">', links)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    return {"translations": _translations(context)}


@register.simple_tag
def home_url() -> str:
    """The address of the home page in the language of the page being rendered: "/", "/lt/"."""
    return page_urls.home_address()
