"""A commenter's plain text, shown safely: paragraphs kept, addresses linked, HTML inert."""

from django.utils.html import linebreaks, urlize
from django.utils.safestring import SafeString, mark_safe

URL_DISPLAY_LENGTH = 60


def _linked(text: str) -> str:
    # urlize escapes everything else, so the only rel attributes in its output
    # are the ones it wrote; they gain "ugc" to mark the links as readers'.
    html = urlize(text, trim_url_limit=URL_DISPLAY_LENGTH, nofollow=True, autoescape=True)
    return html.replace(' rel="nofollow"', ' rel="nofollow ugc"')


def render_body(text: str) -> SafeString:
    return mark_safe(linebreaks(_linked(text), autoescape=False))  # noqa: S308 - escaped by urlize


def count_links(text: str) -> int:
    return _linked(text).count("<a ")
