"""Reading WordPress's markup: block comments, shortcodes, and the text in HTML.

The block editor wraps each block in `<!-- wp:name {attributes} -->` comments;
these are read into the blocks and the HTML between them, as WordPress's block
parser reads them. Shortcodes can be in any content, and so can a URL alone on
its line, which WordPress shows as an embed. The helpers at the end read the
text of HTML as a reader sees it.

Posts can be megabytes long, so every pass is linear: the block comments and
the shortcodes are found with str.find, and HTML is read by BeautifulSoup's
html.parser, never by a regular expression that could backtrack.
"""

import json
import re
import warnings
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from html import unescape
from typing import Protocol

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.element import CData, NavigableString, Tag


class Reporter(Protocol):
    def note(self, what: str, detail: str) -> None:
        """Lists `what` in the conversion's notes: what became of it, in `detail`."""

    def note_once(self, what: str, detail: str) -> None:
        """The same, unless it is listed already."""


MAX_BLOCK_DEPTH = 100
KEPT_AS_TEXT = "kept as text"
# Elements whose content is never text for a reader.
DROPPED_TAGS = frozenset(
    """
    applet base canvas embed frame frameset head link map meta noscript object param script
    style svg template title
    """.split()
)
MEDIA_TAGS = frozenset({"img", "iframe", "video", "audio"})
LINE_TAGS = frozenset({"br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"})
UNSHOWN_TAGS = DROPPED_TAGS | MEDIA_TAGS
# Shortcodes that become blocks; any other is left in the text, and reported.
SHORTCODE_BLOCKS = frozenset(
    {"caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist"}
)
ENCLOSING_SHORTCODES = ("caption", "wp_caption", "embed", "audio", "video")
# Shortcodes known by name, so that "[sic]" in a text is not taken for one.
KNOWN_SHORTCODES = SHORTCODE_BLOCKS | {"contact-form-7", "contact-form", "wpforms", "ninja_form"}
SHORTCODE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")
SHORTCODE_CLOSER = re.compile(r"\[/([A-Za-z][A-Za-z0-9_-]{0,63})\]")
SHORTCODE_ATTR = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|(\S+)"""
)
BLOCK_NAME = re.compile(r"[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?")
BARE_URL = re.compile(r"https?://[^\s<>\"]+")
TAG_TEXT = re.compile(r"<[^<>]*>")


# The block editor's comments.


@dataclass
class Block:
    name: str
    attrs: dict
    parts: list = field(default_factory=list)  # HTML strings and inner Blocks, in order

    def html(self) -> str:
        """The block as WordPress shows it: its HTML with its inner blocks' in place."""
        out, stack = [], [iter(self.parts)]
        while stack:
            part = next(stack[-1], None)
            if part is None:
                stack.pop()
            elif isinstance(part, Block):
                stack.append(iter(part.parts))
            else:
                out.append(part)
        return "".join(out)

    def inner_names(self) -> list[str]:
        names, stack = [], [iter(self.parts)]
        while stack:
            part = next(stack[-1], None)
            if part is None:
                stack.pop()
            elif isinstance(part, Block):
                names.append(part.name)
                stack.append(iter(part.parts))
        return names

    def inner_blocks(self) -> list["Block"]:
        return [part for part in self.parts if isinstance(part, Block)]


def parse_blocks(text: str, converter: Reporter) -> list:
    """The blocks and the HTML between them, as WordPress's block parser reads them."""
    root = Block("", {})
    stack = [root]
    open_names = Counter()
    position = start = 0
    while True:
        opening = text.find("<!--", position)
        if opening < 0:
            break
        closing = text.find("-->", opening + 4)
        if closing < 0:
            break
        position = closing + 3
        token = _block_token(text[opening + 4 : closing], converter)
        if token is None:
            continue  # an ordinary comment, such as <!--more-->: part of the HTML
        if opening > start:
            stack[-1].parts.append(text[start:opening])
        start = position
        kind, name, attrs = token
        if kind == "close":
            if open_names[name]:
                while stack[-1].name != name:
                    open_names[stack.pop().name] -= 1
                open_names[stack.pop().name] -= 1
            continue
        block = Block(name, attrs)
        stack[-1].parts.append(block)
        if kind == "open":
            if len(stack) > MAX_BLOCK_DEPTH:
                converter.note_once(name, "nested too deeply: read as part of its outer block")
                continue
            stack.append(block)
            open_names[name] += 1
    if start < len(text):
        stack[-1].parts.append(text[start:])
    return root.parts


def _block_token(comment: str, converter: Reporter):
    """("open" | "close" | "void", name, attributes) for a block comment, else None."""
    body = comment.strip()
    kind = "open"
    if body.startswith("/wp:"):
        kind, body = "close", body[1:]
    if not body.startswith("wp:"):
        return None
    body = body[3:]
    if kind == "open" and body.endswith("/"):
        kind, body = "void", body[:-1].rstrip()
    name, _, raw = body.partition(" ")
    name, raw = name.strip(), raw.strip()
    if "\n" in name or "\t" in name:
        name, _, rest = name.replace("\t", "\n").partition("\n")
        raw = (rest + " " + raw).strip()
    if not BLOCK_NAME.fullmatch(name):
        return None
    if "/" not in name:
        name = f"core/{name}"
    attrs = {}
    if raw and kind != "close":
        try:
            attrs = json.loads(raw)
        except (ValueError, RecursionError):
            converter.note(name, "its settings could not be read, so they were ignored")
        if not isinstance(attrs, dict):
            attrs = {}
    return kind, name, attrs


# Shortcodes.


@dataclass
class Shortcode:
    name: str
    attrs: dict
    inner: str | None
    raw: str


@dataclass
class AutoEmbed:
    url: str


def _shortcode_attrs(text: str) -> dict:
    """Named attributes, quoted or not, as WordPress's shortcode_parse_atts reads them."""
    attrs = {}
    for match in SHORTCODE_ATTR.finditer(text):
        for name, value in ((1, 2), (3, 4), (5, 6)):
            if match.group(name):
                attrs[match.group(name).lower()] = match.group(value)
                break
    return attrs


def split_shortcodes(text: str, converter: Reporter) -> list:
    """`text` as HTML strings and the shortcodes that become blocks; others are reported."""
    if "[" not in text:
        return [text]
    closers: dict[str, list[int]] = {}
    for match in SHORTCODE_CLOSER.finditer(text):
        closers.setdefault(match.group(1).lower(), []).append(match.start())
    out, position, start = [], 0, 0
    next_open = next_close = -1
    while True:
        opening = text.find("[", position)
        if opening < 0:
            break
        position = opening + 1
        name_match = SHORTCODE_NAME.match(text, opening + 1)
        if name_match is None or text.startswith("[[", opening):
            if text.startswith("[[", opening):
                position = opening + 2
            continue
        name = name_match.group(0).lower()
        after = name_match.end()
        if after >= len(text) or text[after] not in "] \t\n/":
            continue
        if next_close < after:
            next_close = text.find("]", after)
        if next_close < 0:
            break
        if next_open < after:
            next_open = text.find("[", after)
        if 0 <= next_open < next_close:
            continue  # another "[" before this one closes: not a shortcode
        close = next_close
        attr_text = text[after:close].strip()
        if attr_text.endswith("/"):
            attr_text = attr_text[:-1]
        attrs = _shortcode_attrs(attr_text)
        end, inner = close + 1, None
        if name in ENCLOSING_SHORTCODES and not text[after:close].rstrip().endswith("/"):
            candidates = closers.get(name, [])
            index = bisect_left(candidates, close)
            if index < len(candidates):
                inner = text[close + 1 : candidates[index]]
                end = candidates[index] + len(name) + 3
        if name not in SHORTCODE_BLOCKS:
            if name in KNOWN_SHORTCODES or name in closers or "=" in attr_text or "_" in name:
                converter.note(f"shortcode [{name}]", KEPT_AS_TEXT)
            continue
        if opening > start:
            out.append(text[start:opening])
        out.append(Shortcode(name, attrs, inner, text[opening:end]))
        start = position = end
    if start < len(text):
        out.append(text[start:])
    return out


def split_auto_embeds(text: str) -> list:
    """A URL alone on its line becomes an embed, as WordPress's auto-embed makes it."""
    if "http" not in text:
        return [text]
    out, kept = [], []
    for line in text.split("\n"):
        candidate = line.strip()
        if candidate.startswith("http") and BARE_URL.fullmatch(candidate):
            if kept:
                out.append("\n".join(kept))
                kept = []
            out.append(AutoEmbed(candidate))
        else:
            kept.append(line)
    if kept:
        out.append("\n".join(kept))
    return out


# Plain text.


def soup(html: str) -> BeautifulSoup:
    # A post may well start like an XML file or be only an address: it is still
    # HTML to read, and BeautifulSoup's warnings about it are noise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(_closed(html), "html.parser")


def _closed(html: str) -> str:
    """`html` with what can never close written as text.

    Python's HTML parser looks for the end of each unclosed comment or tag
    again from every "<" after it, which takes the square of the length.
    """
    end = html.rfind("-->")
    start = html.find("<!--", end + 3 if end >= 0 else 0)
    if start >= 0:
        html = html[:start] + html[start:].replace("<!--", "&lt;!--")
    start = html.find("<", html.rfind(">") + 1)
    if start >= 0:
        html = html[:start] + html[start:].replace("<", "&lt;")
    return html


def collapse(text: str) -> str:
    return " ".join(text.split())


def plain(node) -> str:
    if node is None:
        return ""
    if isinstance(node, str) and not isinstance(node, NavigableString):
        if "<" not in node:
            return collapse(unescape(node))
        node = soup(node)
    # Where a line starts (a paragraph, a list item, a <br>) words are apart;
    # inline markup such as <b>bo</b>ld joins them.
    return collapse("".join(" " if text is None else text for text in _texts(node)))


def _texts(node: Tag, skip=frozenset()):
    """The text in `node`, in order, and None where an element that starts a line begins.

    What is never shown as text (scripts, styles, media and the like) is skipped.
    """
    stack = [node]
    while stack:
        element = stack.pop()
        if isinstance(element, Tag):
            if (element.name in UNSHOWN_TAGS or id(element) in skip) and element is not node:
                continue
            if element.name in LINE_TAGS:
                yield None
            stack.extend(reversed(element.contents))
        elif is_text(element):
            yield str(element)


def lines(node: Tag, *, keep_newlines: bool, skip=frozenset()) -> str:
    """The text of `node` line by line: block elements and <br> start new lines."""
    pieces = []
    for text in _texts(node, skip):
        if text is None:
            pieces.append("\n")
        else:
            pieces.append(text if keep_newlines else text.replace("\n", " "))
    lines = (collapse(line) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def preformatted(node: Tag) -> str:
    """The text of a <pre> as it shows, its line breaks kept."""
    pieces = []
    for text in _texts(node):
        pieces.append("\n" if text is None and pieces else (text or ""))
    text = "".join(pieces)
    return text[1:] if text.startswith("\n") else text


def is_text(element) -> bool:
    return type(element) is NavigableString or isinstance(element, CData)


def has_text(html: str) -> bool:
    return bool(TAG_TEXT.sub("", html).replace("&nbsp;", "").strip())
