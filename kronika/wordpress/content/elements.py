"""A post's elements: the media lifted out of them, their captions, their text as rich text."""

from html import escape

from bs4.element import NavigableString, Tag

from kronika.wordpress import markup
from kronika.wordpress.content.converter import Converter
from kronika.wordpress.content.rules import LIST_ITEMS, RENAMED


def take_media(node: Tag, converter: Converter) -> list[Tag]:
    """The media in `node`, to become blocks of their own; what is never text is reported.

    `node` is left as it is (taking elements out of a long list of siblings
    costs as much as the list): serialize and markup's text readers skip these elements.
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


def serialize(node, allowed: frozenset, link, *, breaks=False, own=True) -> str:
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


def trim_breaks(html: str) -> str:
    while html.startswith("<br/>"):
        html = html[5:]
    while html.endswith("<br/>"):
        html = html[:-5]
    return html


def own_caption(node: Tag):
    """The <figcaption> that belongs to `node` itself, not to a figure inside it."""
    for caption in node.find_all("figcaption"):
        if caption.find_parent("figure") in (node, None):
            return caption
    return None


def image_caption(img: Tag, outer: Tag) -> str:
    """The caption of one image of a gallery: the <figcaption> of its own figure."""
    figure = img.find_parent("figure")
    if figure is None or figure is outer:
        return ""
    return markup.plain(figure.find("figcaption"))
