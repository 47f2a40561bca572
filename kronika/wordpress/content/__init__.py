"""A WordPress post's content turned into the blocks of an article's body.

Both kinds of WordPress content are read: the block editor's, where each block
is wrapped in `<!-- wp:name {attributes} -->` comments, and the classic editor's
HTML, where paragraphs are only blank lines until WordPress's wpautop adds the
`<p>` tags when the post is shown. Shortcodes can be in either.

Nothing is dropped silently: whatever cannot be carried over whole is kept as
text where it has any, and listed in the conversion's notes. Rich text goes
through the same cleaning as the editor's (kronika.base.rich_text), so what is
stored is already what the body block accepts, and no markup of the old site
reaches a reader's page.

The markup itself (block comments, shortcodes, the text in HTML) is read by
kronika.wordpress.markup, in linear time: posts can be megabytes long.

The readers of each kind have modules of their own: the block editor's blocks
(blocks.py), shortcodes (shortcodes.py) and HTML (fragments.py, with
elements.py for what it lifts out of elements and writes as rich text). Each
hands what it finds to the Converter (converter.py), which makes the blocks
within the limits that rules.py reads from the body's block definitions.
"""

from html import escape

from kronika.wordpress import markup
from kronika.wordpress.content.blocks import read_block
from kronika.wordpress.content.converter import Conversion, Converter, Media, Note
from kronika.wordpress.content.fragments import read_html
from kronika.wordpress.content.rules import BLANK_LINE

__all__ = ["Conversion", "Media", "Note", "convert"]


def convert(content: str, media: Media) -> Conversion:
    """The body blocks for a WordPress post's `content`, with what went where and what did not."""
    # PostgreSQL stores no NUL character, and WordPress's own newlines may be \r\n.
    text = (content or "").replace("\0", "").replace("\r\n", "\n").replace("\r", "\n")
    try:
        return _convert(text, media)
    except RecursionError:
        # HTML nested thousands deep, which the sanitiser cannot walk: its words are kept.
        converter = Converter(media)
        converter.note("content", "nested too deeply: kept as plain text")
        words = markup.soup(text).get_text()
        for paragraph in BLANK_LINE.split(words):
            converter.paragraph(f"<p>{escape(markup.collapse(paragraph))}</p>", source="content")
        return converter.conversion


def _convert(text: str, media: Media) -> Conversion:
    converter = Converter(media)
    tree = markup.parse_blocks(text, converter) if "<!-- wp:" in text else None
    if tree is None or not any(isinstance(part, markup.Block) for part in tree):
        read_html(converter, text, source=None, classic=True)
    else:
        for part in tree:
            if isinstance(part, markup.Block):
                read_block(converter, part)
            elif part.strip():
                read_html(converter, part, source=None, classic=True)
    return converter.conversion
