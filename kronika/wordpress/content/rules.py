"""The body blocks' limits, and which WordPress blocks and HTML elements become what."""

import re

from django.core.validators import URLValidator

from kronika.base.blocks import (
    HTML_FEATURES,
    BodyBlock,
    CodeBlock,
    EmbedLinkBlock,
    FigureBlock,
    GalleryBlock,
    GalleryImageBlock,
    HeadingBlock,
    QuoteBlock,
)


def _max_length(block, name: str) -> int:
    return block.base_blocks[name].field.max_length


PARAGRAPH_FEATURES = tuple(BodyBlock.base_blocks["paragraph"].features)
HTML_BLOCK_FEATURES = tuple(HTML_FEATURES)
HEADING_LENGTH = _max_length(HeadingBlock, "text")
ATTRIBUTION_LENGTH = _max_length(QuoteBlock, "attribution")
CAPTION_LENGTH = _max_length(FigureBlock, "caption")
GALLERY_CAPTION_LENGTH = _max_length(GalleryBlock, "caption")
GALLERY_IMAGE_CAPTION_LENGTH = _max_length(GalleryImageBlock, "caption")
EMBED_TITLE_LENGTH = _max_length(EmbedLinkBlock, "title")
EMBED_CAPTION_LENGTH = _max_length(EmbedLinkBlock, "caption")
LANGUAGE_LENGTH = _max_length(CodeBlock, "language")
URL_LENGTH = 2048  # what browsers and Django's URL validator take
MAX_DEPTH = 150  # nesting deeper than this is read as text: the sanitiser recurses
MAX_COLSPAN = 50

LAYOUT_DROPPED = "layout dropped, content kept"
NO_CONTENT = "dropped: no content of its own"

# Blocks that only arrange other blocks: their content is kept, their layout not.
CONTAINER_BLOCKS = frozenset(
    """
    accordion accordion-heading accordion-item accordion-panel button buttons column
    columns cover details group media-text text-columns
    """.split()
)
# Blocks that show the old site's own lists, menus and theme parts, or only
# mark a place (a page break, a gap): nothing of the post's own to carry over.
DYNAMIC_BLOCKS = frozenset(
    """
    archives avatar breadcrumbs calendar categories footnotes home-link latest-comments
    latest-posts legacy-widget loginout more nextpage read-more rss search social-link
    social-links spacer tag-cloud template-part widget-group
    """.split()
)
DYNAMIC_PREFIXES = ("comment", "navigation", "page-list", "post-", "query", "site-", "term")
# Blocks whose HTML says all there is to say: read like any other HTML.
HTML_BLOCKS = frozenset(
    """
    code heading list list-item paragraph preformatted pullquote quote separator table
    """.split()
)
CODE_BLOCKS = frozenset({"core/code", "core/preformatted"})
DYNAMIC_DETAILS = {
    "core/footnotes": "dropped: the footnotes are kept in the post's metadata, not its content",
    "core/more": "dropped: the excerpt marker",
    "core/nextpage": "dropped: the page break",
}

# Elements read as block-level: whatever is in them, their own markup goes.
CONTAINER_TAGS = frozenset(
    """
    address article aside body caption center dd details dir div dl dt fieldset figcaption
    footer form header hgroup html legend li main menu nav search section summary tbody td
    tfoot th thead tr
    """.split()
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LIST_TAGS = frozenset({"ul", "ol"})
LIST_ITEMS = frozenset({"ul", "ol", "li"})
# The markup kept in rich text: exactly the editor's, so that the cleaning's
# quick check passes it (see kronika.base.rich_text).
PARAGRAPH_TAGS = frozenset({"b", "strong", "i", "em", "a", "br", "ul", "ol", "li"})
HTML_INLINE_TAGS = PARAGRAPH_TAGS | {"sup", "sub", "s", "code"}
HTML_TAGS = HTML_INLINE_TAGS | {"h2", "h3", "h4"}
# Inline tags renamed to what the HTML block's features call them.
RENAMED = {
    "del": "s",
    "strike": "s",
    "tt": "code",
    "kbd": "code",
    "samp": "code",
    "h1": "h2",
    "h5": "h4",
    "h6": "h4",
}

BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n\s*")
WP_IMAGE_CLASS = re.compile(r"wp-image-(\d{1,18})")
LANGUAGE_CLASS = re.compile(r"(?:language|lang)-([\w+#.-]{1,50})")
DIGITS = re.compile(r"\d{1,18}")
WEB_URL = URLValidator(schemes=["http", "https"])
