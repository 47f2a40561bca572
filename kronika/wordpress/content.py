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
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape, unescape
from typing import Protocol
from urllib.parse import urlsplit

from bs4.element import NavigableString, Tag
from django.core.exceptions import ValidationError
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
from kronika.base.rich_text import clean_rich_text
from kronika.wordpress import markup


@dataclass
class Note:
    what: str  # the source kind, such as "core/cover", "shortcode [contact-form-7]", "<iframe>"
    detail: str  # what happened to it, such as "kept as text"


@dataclass
class Conversion:
    blocks: list[dict] = field(default_factory=list)  # raw StreamField data for BodyBlock
    mapped: Counter = field(default_factory=Counter)  # (source kind, block type) -> count
    notes: list[Note] = field(default_factory=list)  # everything not carried over whole


class Media(Protocol):
    def image(self, ref: str | int):
        """The imported image for an attachment id or an upload's URL or path, or None."""

    def link(self, url: str) -> str:
        """`url` pointing at what was imported, or unchanged."""


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


def convert(content: str, media: Media) -> Conversion:
    """The body blocks for a WordPress post's `content`, with what went where and what did not."""
    # PostgreSQL stores no NUL character, and WordPress's own newlines may be \r\n.
    text = (content or "").replace("\0", "").replace("\r\n", "\n").replace("\r", "\n")
    try:
        return _convert(text, media)
    except RecursionError:
        # HTML nested thousands deep, which the sanitiser cannot walk: its words are kept.
        converter = _Converter(media)
        converter.note("content", "nested too deeply: kept as plain text")
        words = markup.soup(text).get_text()
        for paragraph in BLANK_LINE.split(words):
            converter.paragraph(f"<p>{escape(markup.collapse(paragraph))}</p>", source="content")
        return converter.conversion


def _convert(text: str, media: Media) -> Conversion:
    converter = _Converter(media)
    tree = markup.parse_blocks(text, converter) if "<!-- wp:" in text else None
    if tree is None or not any(isinstance(part, markup.Block) for part in tree):
        converter.html(text, source=None, classic=True)
    else:
        for part in tree:
            if isinstance(part, markup.Block):
                converter.block(part)
            elif part.strip():
                converter.html(part, source=None, classic=True)
    return converter.conversion


class _Converter:
    def __init__(self, media: Media):
        self.media = media
        self.conversion = Conversion()
        self._noted: set[tuple[str, str]] = set()
        # The elements made into blocks already, by id: the tree is not changed.
        self.taken: set[int] = set()

    # What is recorded.

    def add(self, source: str, block_type: str, value) -> None:
        self.conversion.blocks.append({"type": block_type, "value": value})
        self.conversion.mapped[(source, block_type)] += 1

    def note(self, what: str, detail: str) -> None:
        self.conversion.notes.append(Note(what, detail))

    def note_once(self, what: str, detail: str) -> None:
        if (what, detail) not in self._noted:
            self._noted.add((what, detail))
            self.note(what, detail)

    def fit(self, text: str, limit: int, what: str, name: str) -> str:
        if len(text) <= limit:
            return text
        self.note(what, f"{name} cut to {limit} characters")
        return text[: limit - 1].rstrip() + "…"

    # Blocks of the block editor.

    def block(self, block: markup.Block) -> None:
        name = block.name
        core = name[5:] if name.startswith("core/") else None
        handler = _BLOCK_HANDLERS.get(core) if core else None
        if name.startswith("core-embed/"):
            handler = _Converter.embed_block
        if handler is not None:
            handler(self, block)
        elif core in HTML_BLOCKS:
            self.flattened(block, lambda: self.html(block.html(), source=name))
        elif core in CONTAINER_BLOCKS:
            self.note_once(name, LAYOUT_DROPPED)
            self.parts(block, source=name)
        elif core is not None and (core in DYNAMIC_BLOCKS or core.startswith(DYNAMIC_PREFIXES)):
            self.note_once(name, DYNAMIC_DETAILS.get(name, NO_CONTENT))
            for inner in block.inner_names():
                self.note_once(inner, f"dropped with the {name} block around it")
        elif not markup.has_text(block.html()) and "<img" not in block.html():
            self.note(name, "dropped: unknown block with no text of its own")
        else:
            self.note(name, markup.KEPT_AS_TEXT)
            self.parts(block, source=name, as_html=True)

    def parts(self, block: markup.Block, *, source: str, as_html: bool = False) -> None:
        for part in block.parts:
            if isinstance(part, markup.Block):
                self.block(part)
            elif part.strip():
                self.html(part, source=source, as_html=as_html)

    def flattened(self, block: markup.Block, convert) -> None:
        """Converts `block` with its inner blocks inside it, counting these as mapped too."""
        first = len(self.conversion.blocks)
        convert()
        inner = block.inner_names()
        if not inner:
            return
        made = self.conversion.blocks[first:]
        if made:
            for name in inner:
                self.conversion.mapped[(name, made[0]["type"])] += 1
        else:
            for name in set(inner):
                self.note(name, "dropped: empty")

    def image_block(self, block: markup.Block) -> None:
        soup = markup.soup(block.html())
        img = soup.find("img")
        caption = markup.plain(soup.find("figcaption"))
        self.image(img, caption, source=block.name, attachment=block.attrs.get("id"))

    def gallery_block(self, block: markup.Block) -> None:
        images = []
        for inner in block.inner_blocks():
            if inner.name == "core/image":
                soup = markup.soup(inner.html())
                images.append(
                    (
                        inner.attrs.get("id"),
                        soup.find("img"),
                        markup.plain(soup.find("figcaption")),
                    )
                )
            else:
                self.block(inner)
        own = markup.soup("".join(p for p in block.parts if isinstance(p, str)))
        outer = own.find("figure") or own
        if images:
            caption = own.find("figcaption")
        else:
            ids = block.attrs.get("ids")
            if isinstance(ids, list) and ids:
                images = [(ref, None, "") for ref in ids]
            else:
                images = [(None, img, _image_caption(img, outer)) for img in own.find_all("img")]
            caption = _own_caption(outer)
        self.gallery(images, markup.plain(caption), source=block.name)
        for inner in block.inner_blocks():
            if inner.name == "core/image":
                self.conversion.mapped[(inner.name, "gallery")] += 1

    def embed_block(self, block: markup.Block) -> None:
        soup = markup.soup(block.html())
        caption_tag = soup.find("figcaption")
        caption = markup.plain(caption_tag)
        if caption_tag is not None:
            caption_tag.decompose()
        url = block.attrs.get("url")
        url = url if isinstance(url, str) and url.strip() else markup.plain(soup)
        self.embed(url, source=block.name, caption=caption)

    def separator_block(self, block: markup.Block) -> None:
        self.add(block.name, "separator", None)

    def html_block(self, block: markup.Block) -> None:
        self.html(block.html(), source=block.name, as_html=True)

    def shortcode_block(self, block: markup.Block) -> None:
        first = len(self.conversion.blocks)
        self.html(block.html(), source=block.name, classic=True)
        made = self.conversion.blocks[first:]
        if made:
            # Counted as its shortcodes too, which say what became of them.
            self.conversion.mapped[(block.name, made[0]["type"])] += 1
        else:
            self.note(block.name, "nothing carried over")

    def freeform_block(self, block: markup.Block) -> None:
        self.html(block.html(), source=None, classic=True)

    def verse_block(self, block: markup.Block) -> None:
        soup = markup.soup(block.html())
        pre = soup.find("pre") or soup
        media = _take_media(pre, self)
        inner = _serialize(pre, PARAGRAPH_TAGS, self.media.link, breaks=True, own=False)
        self.paragraph(f"<p>{_trim_breaks(inner)}</p>", source=block.name)
        for element in media:
            self.media_element(element, source=block.name)

    def file_block(self, block: markup.Block) -> None:
        soup = markup.soup(block.html())
        link = soup.find("a", href=True)
        href = block.attrs.get("href")
        href = href if isinstance(href, str) and href else (link["href"] if link else "")
        text = markup.plain(link) or href.rsplit("/", 1)[-1]
        if not href:
            self.note(block.name, "dropped: no file address")
            return
        target = escape(self.media.link(href.strip()))
        self.paragraph(f'<p><a href="{target}">{escape(text)}</a></p>', source=block.name)

    def media_block(self, block: markup.Block) -> None:
        soup = markup.soup(block.html())
        element = soup.find(["video", "audio"])
        src = block.attrs.get("src") if isinstance(block.attrs.get("src"), str) else ""
        if element is None:
            kind = block.name.split("/")[-1]
            self.av(kind, src, markup.plain(soup.find("figcaption")), source=block.name)
        else:
            self.media_element(
                element, source=block.name, caption=markup.plain(soup.find("figcaption"))
            )

    def reusable_block(self, block: markup.Block) -> None:
        ref = block.attrs.get("ref", "")
        self.note(block.name, f"dropped: reusable block {ref} is stored outside the post")

    # HTML: classic content, and what blocks hold.

    def html(self, html: str, *, source: str | None, classic=False, as_html=False) -> None:
        # Code shows shortcodes as they are written.
        parts = [html] if source in CODE_BLOCKS else markup.split_shortcodes(html, self)
        for part in parts:
            if isinstance(part, markup.Shortcode):
                self.shortcode(part)
                continue
            pieces = markup.split_auto_embeds(part) if classic else [part]
            for piece in pieces:
                if isinstance(piece, markup.AutoEmbed):
                    self.embed(piece.url, source="auto-embed URL")
                elif piece.strip():
                    _Fragment(self, source, classic=classic, as_html=as_html).read(piece)

    def paragraph(self, html: str, *, source: str) -> None:
        cleaned = _clean(html, PARAGRAPH_FEATURES, self, source)
        if markup.has_text(cleaned):
            self.add(source, "paragraph", cleaned)

    def html_text(self, html: str, *, source: str) -> None:
        cleaned = _clean(html, HTML_BLOCK_FEATURES, self, source)
        if markup.has_text(cleaned):
            self.add(source, "html", cleaned)

    def heading(self, text: str, level: int, *, source: str) -> None:
        if text:
            text = self.fit(text, HEADING_LENGTH, source, "heading")
            self.add(source, "heading", {"text": text, "level": "h2" if level <= 2 else "h3"})

    def quote(self, blockquote: Tag, *, source: str, attribution="", classic=False) -> None:
        cites = blockquote.find_all("cite", recursive=False)
        for footer in blockquote.find_all("footer", recursive=False):
            cites.append(footer)
        attribution = " ".join(filter(None, (markup.plain(c) for c in cites))) or attribution
        # In classic content a newline is a line break (wpautop's <br>).
        text = markup.lines(blockquote, keep_newlines=classic, skip={id(cite) for cite in cites})
        if not text:
            if attribution:
                self.paragraph(f"<p>{escape(attribution)}</p>", source=source)
            return
        attribution = self.fit(attribution, ATTRIBUTION_LENGTH, source, "attribution")
        self.add(source, "quote", {"quote": text, "attribution": attribution})

    def image(self, img, caption: str, *, source: str, attachment=None) -> None:
        image, label = self.find_image(img, attachment)
        if image is None:
            self.note(source, f"image not found: {label}")
            if caption:
                self.paragraph(f"<p>{escape(caption)}</p>", source=source)
            return
        caption = self.fit(caption, CAPTION_LENGTH, source, "caption")
        self.add(source, "image", {"image": image.pk, "caption": caption, "credit": ""})

    def gallery(self, images: list, caption: str, *, source: str) -> None:
        """`images` as (attachment id, <img> or None, caption) in a gallery block."""
        items = []
        for attachment, img, item_caption in images:
            image, label = self.find_image(img, attachment)
            if image is None:
                self.note(source, f"image not found: {label}")
                continue
            item_caption = self.fit(item_caption, GALLERY_IMAGE_CAPTION_LENGTH, source, "caption")
            items.append({"image": image.pk, "caption": item_caption})
        if not items:
            if images:
                self.note(source, "gallery dropped: none of its images were found")
            else:
                self.note(source, "gallery dropped: it names no images")
            if caption:
                self.paragraph(f"<p>{escape(caption)}</p>", source=source)
            return
        caption = self.fit(caption, GALLERY_CAPTION_LENGTH, source, "caption")
        self.add(source, "gallery", {"images": items, "caption": caption})

    def find_image(self, img, attachment=None):
        """The imported image for an <img> or attachment id, and how to name a missing one."""
        refs = [attachment]
        source = ""
        if img is not None:
            refs.append(img.get("data-id"))
            refs.append(img.get("data-attachment-id"))
            match = WP_IMAGE_CLASS.search(" ".join(img.get_attribute_list("class") or []))
            if match:
                refs.append(match.group(1))
            source = _image_source(img)
        tried = []
        for ref in refs:
            if isinstance(ref, int) and not isinstance(ref, bool) and ref > 0:
                number = ref
            elif isinstance(ref, str) and DIGITS.fullmatch(ref.strip()):
                number = int(ref.strip())
            else:
                continue
            if number in tried:
                continue
            tried.append(number)
            image = self.media.image(number)
            if image is not None:
                return image, ""
        if source:
            image = self.media.image(source)
            if image is not None:
                return image, ""
        return None, source or (f"attachment {tried[0]}" if tried else "an image without address")

    def embed(self, url, *, source: str, title: str = "", caption: str = "") -> None:
        url = (url if isinstance(url, str) else "").strip()
        if url.startswith("//"):
            url = "https:" + url
        if not url:
            self.note(source, "embed dropped: it has no address")
            return
        try:
            if len(url) > URL_LENGTH:
                raise ValidationError("too long")
            WEB_URL(url)
        except ValidationError:
            self.note(source, f"embed dropped: not a web address: {url[:200]}")
            if caption:
                self.paragraph(f"<p>{escape(caption)}</p>", source=source)
            return
        title = self.fit(title, EMBED_TITLE_LENGTH, source, "title")
        caption = self.fit(caption, EMBED_CAPTION_LENGTH, source, "caption")
        self.add(source, "embed", {"url": url, "title": title, "caption": caption})

    def media_element(self, element: Tag, *, source: str, caption: str = "") -> None:
        """An <img>, <iframe>, <video> or <audio> met in HTML."""
        if element.name == "img":
            self.image(element, caption, source=source)
        elif element.name == "iframe":
            self.embed(
                element.get("src") or element.get("data-src") or "",
                source=source,
                title=markup.collapse(element.get("title") or ""),
                caption=caption,
            )
        else:
            src = element.get("src") or ""
            if not src:
                first = element.find("source", src=True)
                src = first["src"] if first else ""
            self.av(element.name, src, caption, source=source)

    def av(self, kind: str, src: str, caption: str, *, source: str) -> None:
        src = (src or "").strip()
        if src and self.third_party(src):
            self.embed(src, source=source, caption=caption)
            return
        self.note(source, f"{kind} not carried over: {src[:200] or 'no address'}")
        if caption:
            self.paragraph(f"<p>{escape(caption)}</p>", source=source)

    def third_party(self, url: str) -> bool:
        """Whether `url` is somewhere else on the web, not an upload of the old site."""
        if url.startswith("//"):
            url = "https:" + url
        try:
            parts = urlsplit(url)
        except ValueError:
            return False
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return False
        host = parts.hostname.lower()
        if "/wp-content/uploads/" in parts.path or host.endswith(".files.wordpress.com"):
            return False
        return self.media.link(url) == url

    def shortcode(self, code: markup.Shortcode) -> None:
        source = f"shortcode [{code.name}]"
        if code.name in ("caption", "wp_caption"):
            soup = markup.soup(code.inner or "")
            img = soup.find("img")
            if img is not None:
                wrapper = img.parent if img.parent is not None and img.parent.name == "a" else None
                (wrapper or img).extract()
            caption = markup.plain(code.attrs.get("caption", "")) or markup.plain(soup)
            match = DIGITS.search(code.attrs.get("id", ""))
            if img is None:
                self.note(source, "image not found: the caption holds no image")
                if caption:
                    self.paragraph(f"<p>{escape(caption)}</p>", source=source)
                return
            self.image(img, caption, source=source, attachment=match.group(0) if match else None)
        elif code.name == "gallery":
            ids = code.attrs.get("ids") or code.attrs.get("include") or ""
            refs = [ref.strip() for ref in ids.split(",") if ref.strip()]
            if not refs:
                self.note(source, "gallery dropped: it shows the post's attached images")
                return
            self.gallery([(ref, None, "") for ref in refs], "", source=source)
        elif code.name == "embed":
            url = (
                markup.plain(code.inner or "")
                or code.attrs.get("src")
                or code.attrs.get("url", "")
            )
            self.embed(url, source=source)
        else:
            src = code.attrs.get("src") or code.attrs.get("mp4") or code.attrs.get("mp3") or ""
            self.note(source, f"not carried over: {src[:200] or code.raw[:200]}")


class _Fragment:
    """One piece of HTML read element by element into blocks.

    Inline content gathers into a run, which becomes a paragraph (or, for
    an HTML block, part of it) when a block-level element or the end comes.
    In classic content a blank line ends a paragraph and a single newline is a
    line break, as wpautop has it.
    """

    def __init__(self, converter: _Converter, source: str | None, *, classic: bool, as_html: bool):
        self.converter = converter
        self.source = source
        self.classic = classic
        self.as_html = as_html
        self.run: list = []
        self.run_label = ""
        self.in_paragraph = False
        self.html_parts: list[str] = []
        self.html_label = ""
        self.inline_tags = HTML_INLINE_TAGS if as_html else PARAGRAPH_TAGS

    def label(self, tag: str) -> str:
        return self.source or f"classic <{tag}>"

    def read(self, html: str) -> None:
        if "<" in html:
            self.walk(markup.soup(html).contents, 0)
        else:
            self.text(unescape(html))
        self.flush()

    def walk(self, nodes, depth: int) -> None:
        for node in list(nodes):
            if not isinstance(node, Tag):
                if markup.is_text(node):
                    self.text(str(node))
                continue
            if id(node) in self.converter.taken:
                continue
            name = node.name
            if depth > MAX_DEPTH:
                self.converter.note_once(self.label(name), "nested too deeply: kept as text")
                self.text(node.get_text())
            elif name in markup.DROPPED_TAGS:
                self.converter.note(f"<{name}>", "dropped")
            elif name == "p":
                self.end_run()
                self.in_paragraph = True
                self.walk(node.contents, depth + 1)
                self.end_run()
                self.in_paragraph = False
            elif name in CONTAINER_TAGS:
                self.end_run()
                self.walk(node.contents, depth + 1)
                self.end_run()
            elif name in HEADING_TAGS or name in LIST_TAGS:
                self.end_run()
                self.text_block(node)
            elif name in _ELEMENT_HANDLERS:
                self.flush()
                _ELEMENT_HANDLERS[name](self, node, depth)
            else:
                self.inline(node)

    # Inline content.

    def text(self, text: str) -> None:
        if self.classic and "\n" in text:
            for number, piece in enumerate(BLANK_LINE.split(text)):
                if number:
                    self.end_run()
                if piece:
                    self.add_to_run(piece)
        elif text:
            self.add_to_run(text)

    def inline(self, node: Tag) -> None:
        """Inline content, pictures and frames too: these follow their paragraph."""
        self.add_to_run(node)

    def add_to_run(self, item) -> None:
        if not self.run:
            classic = "classic <p>" if self.in_paragraph else "classic text"
            self.run_label = self.source or classic
        self.run.append(item)

    def end_run(self) -> None:
        """The run so far as a paragraph, with the media found in it after it."""
        items, self.run = self.run, []
        if not items:
            return
        label = self.run_label
        media, pieces, has_text = [], [], False
        for index, item in enumerate(items):
            if isinstance(item, str):
                has_text = has_text or bool(item.strip())
                if self.classic:
                    if index == 0:
                        item = item.lstrip()
                    if index == len(items) - 1:
                        item = item.rstrip()
                    pieces.append(escape(item, quote=False).replace("\n", "<br/>"))
                else:
                    pieces.append(escape(item, quote=False))
                continue
            if id(item) in self.converter.taken:
                continue
            if item.name in markup.MEDIA_TAGS:
                self.converter.taken.add(id(item))
                media.append(item)
                continue
            media += _take_media(item, self.converter)
            html = _serialize(
                item, self.inline_tags, self.converter.media.link, breaks=self.classic
            )
            has_text = has_text or markup.has_text(html)
            pieces.append(html)
        if has_text:
            html = "".join(pieces).strip()
            only = [item for item in items if not (isinstance(item, str) and not item.strip())]
            if (
                len(only) == 1
                and isinstance(only[0], str)
                and markup.BARE_URL.fullmatch(only[0].strip())
            ):
                # A URL alone in its paragraph: WordPress shows it as an embed.
                self.flush()
                self.converter.embed(only[0].strip(), source=self.source or "auto-embed URL")
            elif self.as_html:
                self.add_html(f"<p>{html}</p>", label)
            else:
                self.converter.paragraph(f"<p>{html}</p>", source=label)
        for element in media:
            self.flush()
            self.converter.media_element(element, source=self.label(element.name))

    # Blocks.

    def add_html(self, html: str, label: str) -> None:
        if not self.html_parts:
            self.html_label = label
        self.html_parts.append(html)

    def flush(self) -> None:
        self.end_run()
        if self.html_parts:
            html, self.html_parts = "".join(self.html_parts), []
            self.converter.html_text(html, source=self.html_label)

    def text_block(self, node: Tag) -> None:
        """A heading or a list: own blocks, or part of an HTML block."""
        source = self.label(node.name)
        media = _take_media(node, self.converter)
        link = self.converter.media.link
        if self.as_html:
            self.add_html(_serialize(node, HTML_TAGS, link, breaks=self.classic), source)
        elif node.name in HEADING_TAGS:
            self.converter.heading(markup.plain(node), int(node.name[1]), source=source)
        else:
            html = _serialize(node, PARAGRAPH_TAGS, link, breaks=self.classic)
            self.converter.paragraph(html, source=source)
        for element in media:
            self.flush()
            self.converter.media_element(element, source=source)

    def blockquote(self, node: Tag, depth: int, attribution: str = "") -> None:
        media = _take_media(node, self.converter)
        self.converter.quote(
            node, source=self.label("blockquote"), attribution=attribution, classic=self.classic
        )
        for element in media:
            self.converter.media_element(element, source=self.label("blockquote"))

    def figure(self, node: Tag, depth: int) -> None:
        source = self.label("figure")
        captions = node.find_all("figcaption")
        own = _own_caption(node)
        caption = markup.plain(own or (captions[-1] if captions else None))
        table = node.find("table")
        if table is not None:
            self.table(table, depth, caption=caption, source=source)
            return
        quote = node.find("blockquote")
        if quote is not None:
            self.blockquote(quote, depth, attribution=caption)
            return
        images = node.find_all("img")
        if len(images) > 1:
            items = [(None, img, _image_caption(img, node)) for img in images]
            self.converter.taken.update(id(img) for img in images)
            self.converter.gallery(items, markup.plain(own), source=source)
        elif images:
            self.converter.taken.add(id(images[0]))
            self.converter.image(images[0], caption, source=source)
        else:
            element = node.find(["iframe", "video", "audio"])
            if element is None:
                self.walk(node.contents, depth + 1)
                self.end_run()
                return
            self.converter.taken.add(id(element))
            self.converter.media_element(element, source=source, caption=caption)
        self.converter.taken.update(id(figcaption) for figcaption in captions)
        self.walk(node.contents, depth + 1)
        self.end_run()

    def table(self, node: Tag, depth: int, *, caption: str = "", source: str = "") -> None:
        source = source or self.label("table")
        media = _take_media(node, self.converter)
        caption = caption or markup.plain(node.find("caption"))
        if node.find("a", href=True) is not None or node.find(["b", "strong", "em", "i"]):
            self.converter.note_once(source, "table cells kept as plain text, without links")
        rows, header = [], False
        for row in node.find_all("tr"):
            if row.find_parent("table") is not node:
                continue
            cells = []
            for cell in row.find_all(["td", "th"], recursive=False):
                cells.append(markup.lines(cell, keep_newlines=False))
                span = cell.get("colspan", "1")
                extra = int(span) - 1 if DIGITS.fullmatch(span.strip()) else 0
                cells += [""] * min(extra, MAX_COLSPAN)
            if not rows:
                in_head = row.find_parent("thead") is not None
                header = in_head or (
                    bool(cells)
                    and all(c.name == "th" for c in row.find_all(["td", "th"], recursive=False))
                )
            rows.append(cells)
        width = max((len(row) for row in rows), default=0)
        if not width:
            self.converter.note(source, "empty table dropped")
        else:
            self.converter.add(
                source,
                "table",
                {
                    "data": [row + [""] * (width - len(row)) for row in rows],
                    "first_row_is_table_header": header,
                    "first_col_is_header": False,
                    "table_header_choice": "row" if header else "neither",
                    "table_caption": caption,
                },
            )
        for element in media:
            self.converter.media_element(element, source=source)

    def separator(self, node: Tag, depth: int) -> None:
        self.converter.add(self.label("hr"), "separator", None)

    def code(self, node: Tag, depth: int) -> None:
        source = self.label("pre")
        media = _take_media(node, self.converter)
        classes = " ".join(
            " ".join(tag.get_attribute_list("class") or [])
            for tag in (node, node.find("code"))
            if tag is not None
        )
        match = LANGUAGE_CLASS.search(classes)
        code = markup.preformatted(node)
        if code.strip():
            language = match.group(1)[:LANGUAGE_LENGTH] if match else ""
            self.converter.add(source, "code", {"language": language, "code": code})
        for element in media:
            self.converter.media_element(element, source=source)


_ELEMENT_HANDLERS = {
    "blockquote": _Fragment.blockquote,
    "figure": _Fragment.figure,
    "table": _Fragment.table,
    "hr": _Fragment.separator,
    "pre": _Fragment.code,
}

_BLOCK_HANDLERS = {
    "audio": _Converter.media_block,
    "block": _Converter.reusable_block,
    "embed": _Converter.embed_block,
    "file": _Converter.file_block,
    "freeform": _Converter.freeform_block,
    "gallery": _Converter.gallery_block,
    "html": _Converter.html_block,
    "image": _Converter.image_block,
    "separator": _Converter.separator_block,
    "shortcode": _Converter.shortcode_block,
    "verse": _Converter.verse_block,
    "video": _Converter.media_block,
}


def _take_media(node: Tag, converter: _Converter) -> list[Tag]:
    """The media in `node`, to become blocks of their own; what is never text is reported.

    `node` is left as it is (taking elements out of a long list of siblings
    costs as much as the list): _serialize and markup's text readers skip these elements.
    """
    taken, skipped = [], set()
    for element in node.find_all(markup.UNSHOWN_TAGS):
        parent = element.parent
        while parent is not None and parent is not node and id(parent) not in skipped:
            parent = parent.parent
        if parent is not None and parent is not node:
            continue  # inside one taken already
        skipped.add(id(element))
        if element.name in markup.DROPPED_TAGS:
            converter.note(f"<{element.name}>", "dropped")
        elif id(element) not in converter.taken:
            converter.taken.add(id(element))
            taken.append(element)
    return taken


def _serialize(node, allowed: frozenset, link, *, breaks=False, own=True) -> str:
    """`node` as rich text: the `allowed` tags without attributes, links with their address.

    Other tags give their content only; scripts, media and the like give nothing.
    With `breaks`, a newline is a line break, as wpautop makes it.
    """
    out = []
    stack = [(node, False)] if own else [(child, False) for child in reversed(node.contents)]
    while stack:
        item, closing = stack.pop()
        if closing:
            out.append(f"</{item}>")
        elif isinstance(item, Tag):
            name = RENAMED.get(item.name, item.name)
            if name in markup.UNSHOWN_TAGS:
                continue
            if name == "br":
                out.append("<br/>")
                continue
            opening = None
            if name == "a":
                href = item.get("href")
                if not item.get_text().strip():
                    continue  # a linked picture's link, which goes with the picture
                if isinstance(href, str) and href.strip() and "a" in allowed:
                    opening = f'<a href="{escape(link(href.strip()))}">'
            elif name in allowed:
                opening = f"<{name}>"
            if opening:
                out.append(opening)
                stack.append((name, True))
            stack.extend((child, False) for child in reversed(item.contents))
        elif markup.is_text(item):
            out.append(_text_html(item, breaks))
    return "".join(out)


def _text_html(text: NavigableString, breaks: bool) -> str:
    value = str(text)
    parent = text.parent
    if parent is not None and parent.name in LIST_ITEMS:
        # Whitespace around list items would be read by the editor as text of its own.
        before, after = text.previous_sibling, text.next_sibling
        if before is None or (isinstance(before, Tag) and before.name in LIST_ITEMS):
            value = value.lstrip()
        if after is None or (isinstance(after, Tag) and after.name in LIST_ITEMS):
            value = value.rstrip()
    value = escape(value, quote=False)
    return value.replace("\n", "<br/>") if breaks else value


def _trim_breaks(html: str) -> str:
    while html.startswith("<br/>"):
        html = html[5:]
    while html.endswith("<br/>"):
        html = html[:-5]
    return html


def _clean(html: str, features, converter: _Converter, source: str) -> str:
    try:
        return clean_rich_text(html, features)
    except RecursionError:
        converter.note(source, "nested too deeply: kept as plain text")
        return f"<p>{escape(markup.plain(html))}</p>"


def _image_source(img: Tag) -> str:
    """The address of an <img>'s picture, past lazy-loading placeholders."""
    for attribute in ("data-orig-file", "data-lazy-src", "data-src", "src"):
        value = img.get(attribute)
        if isinstance(value, str) and value.strip() and not value.startswith("data:"):
            return value.strip()
    return ""


def _own_caption(node: Tag):
    """The <figcaption> that belongs to `node` itself, not to a figure inside it."""
    for caption in node.find_all("figcaption"):
        if caption.find_parent("figure") in (node, None):
            return caption
    return None


def _image_caption(img: Tag, outer: Tag) -> str:
    """The caption of one image of a gallery: the <figcaption> of its own figure."""
    figure = img.find_parent("figure")
    if figure is None or figure is outer:
        return ""
    return markup.plain(figure.find("figcaption"))
