"""A few lines of an article around what the reader searched for, with the match marked."""

import re
from html import unescape

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kronika.search.stemming import stem

WIDTH = 220
# A snippet is cut from the first SOURCE characters of an article's text, so
# that an article a megabyte long costs no more than an ordinary one however
# many are on a page of results. A match further in is not marked.
SOURCE = 50_000
# Fields of a block that configure it rather than say anything.
SETTINGS = frozenset(
    {
        "level",
        "image",
        "embed",
        "url",
        "language",
        "table_header_choice",
        "cell",
        "mergeCells",
    }
)
# Blocks stored as HTML; every other block's text is plain and shown as typed.
RICH_TEXT = frozenset({"paragraph", "html"})
# One pass over the text, whatever it holds. Django's strip_tags parses until
# nothing changes: on a stored "<><>…" it takes about a second a megabyte, and
# on "<a<a<a…" it raises SuspiciousOperation, which turned every search that
# found such an article into a 400.
BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|h[1-6]|blockquote|div)\b[^<>]*>", re.IGNORECASE)
TAG = re.compile(r"<[^<>]*>")


def _html_text(html: str) -> str:
    return unescape(TAG.sub("", BLOCK_TAG.sub(" ", html)))


def _cut(html: str, limit: int) -> str:
    """At most `limit` characters of `html`, without a tag cut in half at the end."""
    html = html[:limit]
    opened = html.rfind("<")
    return html[:opened] if opened > html.rfind(">") else html


def _block_text(value, rich: bool, limit: int) -> str:
    if isinstance(value, str):
        return _html_text(_cut(value, limit)) if rich else value[:limit]
    if isinstance(value, dict):
        return " ".join(
            _block_text(part, rich, limit) for key, part in value.items() if key not in SETTINGS
        )
    if isinstance(value, list):  # a gallery's pictures, a table's rows and cells
        return " ".join(_block_text(part, rich, limit) for part in value)
    return ""


def plain_text(article, limit: int | None = None) -> str:
    """The words of an article's standfirst and body; about the first `limit` characters."""
    # The stored blocks, not the rendered body: rendering every block's template
    # for a page of results costs more than the search itself.
    limit = limit or 2**62
    parts = [article.standfirst[:limit]]
    length = len(parts[0])
    for block in article.body.raw_data:
        if length >= limit:
            break
        parts.append(_block_text(block.get("value"), block.get("type") in RICH_TEXT, limit))
        length += len(parts[-1])
    text = " ".join(parts).replace("\0", "").replace("\1", "")
    return " ".join(text.split())


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
