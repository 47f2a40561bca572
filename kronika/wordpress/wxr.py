"""Reading a WordPress eXtended RSS (WXR) export as a stream.

The file is read with iterparse and every item is dropped once it has been
handed on, so memory stays bounded whatever the size of the export. Entity
declarations, external entities and DTDs are refused (defusedxml): a WXR file
has no use for them, and they are how "billion laughs" and file-reading
attacks get in.
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from defusedxml.ElementTree import iterparse as defused_iterparse

SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")
# WordPress has written http://wordpress.org/export/1.0/ to 1.2/, each with an excerpt/
# twin, and WordPress.com writes the same with https://. An export may spell them either
# way; the wp:wxr_version inside, not the namespace, says which version it is.
WORDPRESS_NAMESPACE = re.compile(r"https?://wordpress\.org/export/\d+\.\d+/(?P<excerpt>excerpt/)?")
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
# Where the builder notes the line each element starts on; no namespace can clash with it.
LINE = "{kronika:source}line"
EMPTY_DATE = "0000-00-00 00:00:00"


class ExportError(Exception):
    """The file is not a WordPress export this importer can read; says where."""

    def __init__(self, message: str, line: int | None = None):
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass
class Term:
    """A category or tag as the export's header declares it."""

    term_id: int | None
    slug: str
    name: str
    parent: str = ""  # the parent category's slug
    description: str = ""


@dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    author_id: int | None = None


@dataclass
class Header:
    version: str
    base_site_url: str = ""
    base_blog_url: str = ""
    title: str = ""
    authors: list[Author] = field(default_factory=list)
    categories: list[Term] = field(default_factory=list)
    tags: list[Term] = field(default_factory=list)


@dataclass
class Comment:
    comment_id: int
    author: str = ""
    email: str = ""
    url: str = ""
    ip: str = ""
    date_gmt: datetime | None = None
    date: datetime | None = None
    content: str = ""
    approved: str = "1"
    kind: str = ""  # WordPress's comment_type: "", "comment", "pingback", "trackback"
    parent: int = 0


@dataclass
class Item:
    """One <item>: a post, page, attachment or any other post type."""

    line: int
    post_id: int | None
    guid: str = ""
    title: str = ""
    link: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_type: str = ""
    status: str = ""
    slug: str = ""
    date: datetime | None = None  # the site's local time, naive
    date_gmt: datetime | None = None
    modified_gmt: datetime | None = None
    comment_status: str = ""
    password: str = ""
    sticky: bool = False
    parent: int = 0
    menu_order: int = 0
    attachment_url: str = ""
    # (domain, nicename, name) for each <category>: categories, tags, co-authors…
    terms: list[tuple[str, str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    def terms_in(self, domain: str) -> list[tuple[str, str]]:
        return [(slug, name) for kind, slug, name in self.terms if kind == domain]


class _LineNumberingBuilder(ET.TreeBuilder):
    """Notes the line each element starts on, so errors can name it."""

    expat = None

    def start(self, tag, attrs):
        return super().start(tag, {**attrs, LINE: str(self.expat.CurrentLineNumber)})


class _Namespaces:
    """The prefix each namespace the export declares stands for here, learnt as it is read.

    A namespace counts as WordPress's only if it is one of wordpress.org's export
    namespaces, whatever prefix the file binds it to; elements in any other namespace
    keep their bare names, so a feed borrowing the wp: prefix is not taken for an export.
    """

    def __init__(self):
        self.prefixes = {CONTENT_NAMESPACE: "content", DC_NAMESPACE: "dc"}
        self.foreign_wp = ""  # what the file binds wp: to when that is not WordPress's

    def declare(self, prefix: str, uri: str):
        if found := WORDPRESS_NAMESPACE.fullmatch(uri):
            self.prefixes[uri] = "excerpt" if found["excerpt"] else "wp"
        elif prefix == "wp":
            self.foreign_wp = uri

    def name(self, tag: str) -> str:
        """`{namespace}name` as `prefix:name`; a name without a known namespace bare."""
        if not tag.startswith("{"):
            return tag
        namespace, _, name = tag[1:].partition("}")
        prefix = self.prefixes.get(namespace)
        return f"{prefix}:{name}" if prefix else name


def _line(element) -> int | None:
    value = element.get(LINE)
    return int(value) if value else None


def _text(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def _children(element) -> dict[str, ET.Element]:
    found = {}
    for child in element:
        found.setdefault(child.tag, child)
    return found


def _int(value: str, element, what: str) -> int:
    try:
        return int(value or 0)
    except ValueError:
        raise ExportError(f"{what} is not a number: {value[:40]!r}", _line(element)) from None


def _date(value: str, element, *, gmt: bool) -> datetime | None:
    value = value.strip()
    if not value or value == EMPTY_DATE:
        return None
    try:
        moment = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise ExportError(f"not a WordPress date: {value[:40]!r}", _line(element)) from None
    return moment.replace(tzinfo=UTC) if gmt else moment


def _author(element) -> Author:
    parts = {name: _text(child) for name, child in _children(element).items()}
    return Author(
        login=parts.get("wp:author_login", ""),
        email=parts.get("wp:author_email", ""),
        display_name=parts.get("wp:author_display_name", ""),
        first_name=parts.get("wp:author_first_name", ""),
        last_name=parts.get("wp:author_last_name", ""),
        author_id=_int(parts.get("wp:author_id", ""), element, "author_id") or None,
    )


def _term(element, slug_tag: str, name_tag: str) -> Term:
    parts = {name: _text(child) for name, child in _children(element).items()}
    return Term(
        term_id=_int(parts.get("wp:term_id", ""), element, "term_id") or None,
        slug=parts.get(slug_tag, ""),
        name=parts.get(name_tag, "") or parts.get(slug_tag, ""),
        parent=parts.get("wp:category_parent", ""),
        description=(
            parts.get("wp:category_description", "") or parts.get("wp:tag_description", "")
        ),
    )


def _comment(element) -> Comment:
    parts = _children(element)

    def text(name):
        return _text(parts.get(name))

    return Comment(
        comment_id=_int(text("wp:comment_id"), element, "comment_id"),
        author=text("wp:comment_author"),
        email=text("wp:comment_author_email"),
        url=text("wp:comment_author_url"),
        ip=text("wp:comment_author_IP"),
        date=_date(text("wp:comment_date"), element, gmt=False),
        date_gmt=_date(text("wp:comment_date_gmt"), element, gmt=True),
        content=(parts["wp:comment_content"].text or "") if "wp:comment_content" in parts else "",
        approved=text("wp:comment_approved") or "1",
        kind=text("wp:comment_type"),
        parent=_int(text("wp:comment_parent"), element, "comment_parent"),
    )


def _item(element) -> Item:
    line = _line(element)
    item = Item(line=line, post_id=None)
    for child in element:
        value = child.text or ""
        match child.tag:
            case "title":
                item.title = value.strip()
            case "link":
                item.link = value.strip()
            case "guid":
                item.guid = value.strip()
            case "dc:creator":
                item.creator = value.strip()
            case "content:encoded":
                item.content = value
            case "excerpt:encoded":
                item.excerpt = value.strip()
            case "wp:post_id":
                item.post_id = _int(value.strip(), child, "post_id")
            case "wp:post_date":
                item.date = _date(value, child, gmt=False)
            case "wp:post_date_gmt":
                item.date_gmt = _date(value, child, gmt=True)
            case "wp:post_modified_gmt":
                item.modified_gmt = _date(value, child, gmt=True)
            case "wp:comment_status":
                item.comment_status = value.strip()
            case "wp:post_name":
                item.slug = value.strip()
            case "wp:status":
                item.status = value.strip()
            case "wp:post_parent":
                item.parent = _int(value.strip(), child, "post_parent")
            case "wp:menu_order":
                item.menu_order = _int(value.strip(), child, "menu_order")
            case "wp:post_type":
                item.post_type = value.strip()
            case "wp:post_password":
                item.password = value.strip()
            case "wp:is_sticky":
                item.sticky = value.strip() == "1"
            case "wp:attachment_url":
                item.attachment_url = value.strip()
            case "category":
                item.terms.append(
                    (child.get("domain", ""), child.get("nicename", ""), value.strip())
                )
            case "wp:postmeta":
                parts = _children(child)
                key = _text(parts.get("wp:meta_key"))
                if key:
                    meta = parts.get("wp:meta_value")
                    item.meta[key] = (meta.text or "") if meta is not None else ""
            case "wp:comment":
                item.comments.append(_comment(child))
    if item.post_id is None:
        raise ExportError("an item has no wp:post_id", line)
    return item


def read(source) -> Iterator[Header | Item]:
    """The export's Header first, then each Item in file order.

    Raises ExportError naming the line for anything that is not a complete
    WXR 1.0, 1.1 or 1.2 export, including a file that ends early: callers must
    read to the end before trusting what they were given.
    """
    builder = _LineNumberingBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.expat = parser.parser
    namespaces = _Namespaces()
    header = None
    channel = None
    depth = 0
    try:
        events = defused_iterparse(source, events=("start-ns", "start", "end"), parser=parser)
        for event, element in events:
            if event == "start-ns":
                namespaces.declare(*element)
                continue
            if event == "start":
                depth += 1
                if depth == 1 and element.tag != "rss":
                    raise ExportError("not an RSS file, so not a WordPress export", _line(element))
                if depth == 2 and element.tag == "channel":
                    channel = element
                if depth == 3 and element.tag == "item" and header is None:
                    header = _header(channel, _line(element), namespaces)
                    yield header
                continue
            depth -= 1
            an_item = depth == 2 and channel is not None and element.tag == "item"
            # Renamed once, as it closes: everything after this reads WordPress's
            # elements as wp:… and excerpt:… however the export spelled their namespaces.
            element.tag = namespaces.name(element.tag)
            if an_item:
                yield _item(element)
                # Dropping what has been read is what keeps memory bounded.
                channel.remove(element)
        if channel is None:
            raise ExportError("no <channel> in the file")
        if header is None:
            yield _header(channel, None, namespaces)
    except ET.ParseError as error:
        line, column = error.position
        reason = str(error).split(":")[0]
        raise ExportError(f"column {column}: the XML is broken ({reason})", line) from None
    except DefusedXmlException as error:
        line = parser.parser.CurrentLineNumber
        raise ExportError(
            f"the file declares entities or a DTD, which are refused ({type(error).__name__})",
            line,
        ) from None


def _header(channel, first_item_line: int | None, namespaces: _Namespaces) -> Header:
    version_element = None
    header = Header(version="")
    for child in channel:
        name = child.tag
        if name == "wp:wxr_version":
            version_element = child
            header.version = _text(child)
        elif name == "wp:base_site_url":
            header.base_site_url = _text(child)
        elif name == "wp:base_blog_url":
            header.base_blog_url = _text(child)
        elif name == "title":
            header.title = _text(child)
        elif name == "wp:author":
            header.authors.append(_author(child))
        elif name == "wp:category":
            header.categories.append(_term(child, "wp:category_nicename", "wp:cat_name"))
        elif name == "wp:tag":
            header.tags.append(_term(child, "wp:tag_slug", "wp:tag_name"))
    if version_element is None:
        # An export whose wp: is bound elsewhere would otherwise be refused without a clue why.
        foreign = (
            f" (its wp: namespace {namespaces.foreign_wp[:80]!r} is not WordPress's)"
            if namespaces.foreign_wp
            else ""
        )
        raise ExportError(
            f"no wp:wxr_version before the first item, so not a WordPress export{foreign}",
            first_item_line or _line(channel),
        )
    if header.version not in SUPPORTED_VERSIONS:
        raise ExportError(
            f"WXR version {header.version[:20]!r} is not one this importer reads "
            f"({', '.join(SUPPORTED_VERSIONS[:-1])} or {SUPPORTED_VERSIONS[-1]})",
            _line(version_element),
        )
    return header
