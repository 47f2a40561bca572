"""The Converter: what a post's content becomes, block by block, with what went where.

The readers of the block editor's blocks, of shortcodes and of HTML hand it
what they found; it makes each block within its limits, and notes what it
could not carry over whole.
"""

from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import Protocol
from urllib.parse import urlsplit

from bs4.element import Tag
from django.core.exceptions import ValidationError

from kronika.base.rich_text import clean_rich_text
from kronika.wordpress import markup
from kronika.wordpress.content.rules import (
    ATTRIBUTION_LENGTH,
    CAPTION_LENGTH,
    DIGITS,
    EMBED_CAPTION_LENGTH,
    EMBED_TITLE_LENGTH,
    GALLERY_CAPTION_LENGTH,
    GALLERY_IMAGE_CAPTION_LENGTH,
    HEADING_LENGTH,
    HTML_BLOCK_FEATURES,
    PARAGRAPH_FEATURES,
    URL_LENGTH,
    WEB_URL,
    WP_IMAGE_CLASS,
)


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


class Converter:
    """The blocks made of one post's content, with what went where and what did not."""

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

    # Blocks made of what the readers found.

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


def _clean(html: str, features, converter: Converter, source: str) -> str:
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
