"""The words of an article, from its stored blocks: for the search index and search snippets.

Read from the stored blocks, not the rendered body: rendering every block's
template for a page of search results costs more than the search itself, and
a stored quote of "<a<a<a…" a megabyte long took minutes to render and strip.

Each block of the text (the standfirst, a heading, a paragraph, a quote and its
attribution, a list item, a caption, a table row) is a line of its own. Joined
by spaces, a subheading ran into the sentences around it in search snippets
("…end of paragraphHeading Next paragraph"); a snippet shows the lines apart.
"""

import re
from html import unescape

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
# Where one block ends and the next begins, until the text is tidied into lines;
# a character no editor types, so that typed line breaks stay mere spaces.
BREAK = "\x1e"


def _html_text(html: str) -> str:
    return unescape(TAG.sub("", BLOCK_TAG.sub(BREAK, html)))


def _cut(html: str, limit: int) -> str:
    """At most `limit` characters of `html`, without a tag cut in half at the end."""
    html = html[:limit]
    opened = html.rfind("<")
    return html[:opened] if opened > html.rfind(">") else html


def _block_text(value, rich: bool, limit: int) -> str:
    if isinstance(value, str):
        return _html_text(_cut(value, limit)) if rich else value[:limit]
    if isinstance(value, dict):  # a quote and its attribution, a picture and its caption
        return BREAK.join(
            _block_text(part, rich, limit) for key, part in value.items() if key not in SETTINGS
        )
    if isinstance(value, list):  # a gallery's pictures, a table's rows and cells
        # A table row's cells read as one line; rows and pictures are lines apart.
        joint = " " if all(isinstance(part, str) for part in value) else BREAK
        return joint.join(_block_text(part, rich, limit) for part in value)
    return ""


def plain_text(article, limit: int | None = None) -> str:
    """The words of an article's standfirst and body; about the first `limit` characters.

    One line for each block, its whitespace made single spaces.
    """
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
    text = BREAK.join(parts).replace("\0", "").replace("\1", "")
    lines = (" ".join(line.split()) for line in text.split(BREAK))
    return "\n".join(line for line in lines if line)
