"""A few lines of an article around what the reader searched for, with the match marked."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kronika.base.stemming import stem
from kronika.base.text import plain_text

WIDTH = 220
# A snippet is cut from the first SOURCE characters of an article's text, so
# that an article a megabyte long costs no more than an ordinary one however
# many are on a page of results. A match further in is not marked.
SOURCE = 50_000


def snippet(article, terms: list[str]) -> SafeString:
    text = plain_text(article, SOURCE)[:SOURCE]
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
