"""HTML, classic content and what blocks hold, read element by element into blocks."""

from html import escape, unescape

from bs4.element import Tag

from kronika.wordpress import markup
from kronika.wordpress.content.converter import Converter
from kronika.wordpress.content.elements import image_caption, own_caption, serialize, take_media
from kronika.wordpress.content.rules import (
    BLANK_LINE,
    CODE_BLOCKS,
    CONTAINER_TAGS,
    DIGITS,
    HEADING_TAGS,
    HTML_INLINE_TAGS,
    HTML_TAGS,
    LANGUAGE_CLASS,
    LANGUAGE_LENGTH,
    LIST_TAGS,
    MAX_COLSPAN,
    MAX_DEPTH,
    PARAGRAPH_TAGS,
)
from kronika.wordpress.content.shortcodes import read_shortcode


def read_html(
    converter: Converter, html: str, *, source: str | None, classic=False, as_html=False
) -> None:
    """`html` read into blocks: its shortcodes, its bare URLs in classic content, the rest."""
    # Code shows shortcodes as they are written.
    parts = [html] if source in CODE_BLOCKS else markup.split_shortcodes(html, converter)
    for part in parts:
        if isinstance(part, markup.Shortcode):
            read_shortcode(converter, part)
            continue
        pieces = markup.split_auto_embeds(part) if classic else [part]
        for piece in pieces:
            if isinstance(piece, markup.AutoEmbed):
                converter.embed(piece.url, source="auto-embed URL")
            elif piece.strip():
                Fragment(converter, source, classic=classic, as_html=as_html).read(piece)


class Fragment:
    """One piece of HTML read element by element into blocks.

    Inline content gathers into a run, which becomes a paragraph (or, for
    an HTML block, part of it) when a block-level element or the end comes.
    In classic content a blank line ends a paragraph and a single newline is a
    line break, as wpautop has it.
    """

    def __init__(self, converter: Converter, source: str | None, *, classic: bool, as_html: bool):
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
            media += take_media(item, self.converter)
            html = serialize(
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
        media = take_media(node, self.converter)
        link = self.converter.media.link
        if self.as_html:
            self.add_html(serialize(node, HTML_TAGS, link, breaks=self.classic), source)
        elif node.name in HEADING_TAGS:
            self.converter.heading(markup.plain(node), int(node.name[1]), source=source)
        else:
            html = serialize(node, PARAGRAPH_TAGS, link, breaks=self.classic)
            self.converter.paragraph(html, source=source)
        for element in media:
            self.flush()
            self.converter.media_element(element, source=source)

    def blockquote(self, node: Tag, depth: int, attribution: str = "") -> None:
        media = take_media(node, self.converter)
        self.converter.quote(
            node, source=self.label("blockquote"), attribution=attribution, classic=self.classic
        )
        for element in media:
            self.converter.media_element(element, source=self.label("blockquote"))

    def figure(self, node: Tag, depth: int) -> None:
        source = self.label("figure")
        captions = node.find_all("figcaption")
        own = own_caption(node)
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
            items = [(None, img, image_caption(img, node)) for img in images]
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
        media = take_media(node, self.converter)
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
        media = take_media(node, self.converter)
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
    "blockquote": Fragment.blockquote,
    "figure": Fragment.figure,
    "table": Fragment.table,
    "hr": Fragment.separator,
    "pre": Fragment.code,
}
