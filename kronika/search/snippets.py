"""A few lines of an article around what the reader searched for, with the match marked."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from kronika.search.stemming import stem

WIDTH = 220
# Fields of a block that configure it rather than say anything.
SETTINGS = frozenset({"level", "image", "embed", "url"})


def _block_text(value) -> str:
    if isinstance(value, str):
        return strip_tags(value)
    if isinstance(value, dict):
        return " ".join(_block_text(part) for key, part in value.items() if key not in SETTINGS)
    return ""


def plain_text(article) -> str:
    # The stored blocks, not the rendered body: rendering every block's template
    # for a page of results costs more than the search itself.
    body = " ".join(_block_text(block.get("value")) for block in article.body.raw_data)
    text = f"{article.standfirst} {body}".replace("\0", "").replace("\1", "")
    return " ".join(text.split())


def snippet(article, terms: list[str]) -> SafeString:
    text = plain_text(article)
    prefixes = sorted({*terms, *(s for s in map(stem, terms) if s)}, key=len, reverse=True)
    if not prefixes:
        return mark_safe(escape(text[:WIDTH]))  # noqa: S308 - escaped
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(p) for p in prefixes) + r")\w*", re.IGNORECASE
    )
    match = pattern.search(text)
    start = max(0, (match.start() if match else 0) - WIDTH // 3)
    if start:
        start = text.find(" ", start) + 1
    end = start + WIDTH
    window = text[start:end]
    marked = pattern.sub(lambda m: f"\0{m.group(0)}\1", window)
    html = escape(marked).replace("\0", "<mark>").replace("\1", "</mark>")
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - escaped before marking
