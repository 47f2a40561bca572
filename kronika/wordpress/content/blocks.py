"""The block editor's blocks, each kind read into the body blocks it becomes."""

from html import escape

from kronika.wordpress import markup
from kronika.wordpress.content.converter import Converter
from kronika.wordpress.content.elements import (
    image_caption,
    own_caption,
    serialize,
    take_media,
    trim_breaks,
)
from kronika.wordpress.content.fragments import read_html
from kronika.wordpress.content.rules import (
    CONTAINER_BLOCKS,
    DYNAMIC_BLOCKS,
    DYNAMIC_DETAILS,
    DYNAMIC_PREFIXES,
    HTML_BLOCKS,
    LAYOUT_DROPPED,
    NO_CONTENT,
    PARAGRAPH_TAGS,
)


def read_block(converter: Converter, block: markup.Block) -> None:
    name = block.name
    core = name[5:] if name.startswith("core/") else None
    handler = _BLOCK_HANDLERS.get(core) if core else None
    if name.startswith("core-embed/"):
        handler = embed_block
    if handler is not None:
        handler(converter, block)
    elif core in HTML_BLOCKS:
        flattened(converter, block, lambda: read_html(converter, block.html(), source=name))
    elif core in CONTAINER_BLOCKS:
        converter.note_once(name, LAYOUT_DROPPED)
        read_parts(converter, block, source=name)
    elif core is not None and (core in DYNAMIC_BLOCKS or core.startswith(DYNAMIC_PREFIXES)):
        converter.note_once(name, DYNAMIC_DETAILS.get(name, NO_CONTENT))
        for inner in block.inner_names():
            converter.note_once(inner, f"dropped with the {name} block around it")
    elif not markup.has_text(block.html()) and "<img" not in block.html():
        converter.note(name, "dropped: unknown block with no text of its own")
    else:
        converter.note(name, markup.KEPT_AS_TEXT)
        read_parts(converter, block, source=name, as_html=True)


def read_parts(
    converter: Converter, block: markup.Block, *, source: str, as_html: bool = False
) -> None:
    for part in block.parts:
        if isinstance(part, markup.Block):
            read_block(converter, part)
        elif part.strip():
            read_html(converter, part, source=source, as_html=as_html)


def flattened(converter: Converter, block: markup.Block, convert) -> None:
    """Converts `block` with its inner blocks inside it, counting these as mapped too."""
    first = len(converter.conversion.blocks)
    convert()
    inner = block.inner_names()
    if not inner:
        return
    made = converter.conversion.blocks[first:]
    if made:
        for name in inner:
            converter.conversion.mapped[(name, made[0]["type"])] += 1
    else:
        for name in set(inner):
            converter.note(name, "dropped: empty")


def image_block(converter: Converter, block: markup.Block) -> None:
    soup = markup.soup(block.html())
    img = soup.find("img")
    caption = markup.plain(soup.find("figcaption"))
    converter.image(img, caption, source=block.name, attachment=block.attrs.get("id"))


def gallery_block(converter: Converter, block: markup.Block) -> None:
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
            read_block(converter, inner)
    own = markup.soup("".join(p for p in block.parts if isinstance(p, str)))
    outer = own.find("figure") or own
    if images:
        caption = own.find("figcaption")
    else:
        ids = block.attrs.get("ids")
        if isinstance(ids, list) and ids:
            images = [(ref, None, "") for ref in ids]
        else:
            images = [(None, img, image_caption(img, outer)) for img in own.find_all("img")]
        caption = own_caption(outer)
    converter.gallery(images, markup.plain(caption), source=block.name)
    for inner in block.inner_blocks():
        if inner.name == "core/image":
            converter.conversion.mapped[(inner.name, "gallery")] += 1


def embed_block(converter: Converter, block: markup.Block) -> None:
    soup = markup.soup(block.html())
    caption_tag = soup.find("figcaption")
    caption = markup.plain(caption_tag)
    if caption_tag is not None:
        caption_tag.decompose()
    url = block.attrs.get("url")
    url = url if isinstance(url, str) and url.strip() else markup.plain(soup)
    converter.embed(url, source=block.name, caption=caption)


def separator_block(converter: Converter, block: markup.Block) -> None:
    converter.add(block.name, "separator", None)


def html_block(converter: Converter, block: markup.Block) -> None:
    read_html(converter, block.html(), source=block.name, as_html=True)


def shortcode_block(converter: Converter, block: markup.Block) -> None:
    first = len(converter.conversion.blocks)
    read_html(converter, block.html(), source=block.name, classic=True)
    made = converter.conversion.blocks[first:]
    if made:
        # Counted as its shortcodes too, which say what became of them.
        converter.conversion.mapped[(block.name, made[0]["type"])] += 1
    else:
        converter.note(block.name, "nothing carried over")


def freeform_block(converter: Converter, block: markup.Block) -> None:
    read_html(converter, block.html(), source=None, classic=True)


def verse_block(converter: Converter, block: markup.Block) -> None:
    soup = markup.soup(block.html())
    pre = soup.find("pre") or soup
    media = take_media(pre, converter)
    inner = serialize(pre, PARAGRAPH_TAGS, converter.media.link, breaks=True, own=False)
    converter.paragraph(f"<p>{trim_breaks(inner)}</p>", source=block.name)
    for element in media:
        converter.media_element(element, source=block.name)


def file_block(converter: Converter, block: markup.Block) -> None:
    soup = markup.soup(block.html())
    link = soup.find("a", href=True)
    href = block.attrs.get("href")
    href = href if isinstance(href, str) and href else (link["href"] if link else "")
    text = markup.plain(link) or href.rsplit("/", 1)[-1]
    if not href:
        converter.note(block.name, "dropped: no file address")
        return
    target = escape(converter.media.link(href.strip()))
    converter.paragraph(f'<p><a href="{target}">{escape(text)}</a></p>', source=block.name)


def media_block(converter: Converter, block: markup.Block) -> None:
    soup = markup.soup(block.html())
    element = soup.find(["video", "audio"])
    src = block.attrs.get("src") if isinstance(block.attrs.get("src"), str) else ""
    if element is None:
        kind = block.name.split("/")[-1]
        converter.av(kind, src, markup.plain(soup.find("figcaption")), source=block.name)
    else:
        converter.media_element(
            element, source=block.name, caption=markup.plain(soup.find("figcaption"))
        )


def reusable_block(converter: Converter, block: markup.Block) -> None:
    ref = block.attrs.get("ref", "")
    converter.note(block.name, f"dropped: reusable block {ref} is stored outside the post")


_BLOCK_HANDLERS = {
    "audio": media_block,
    "block": reusable_block,
    "embed": embed_block,
    "file": file_block,
    "freeform": freeform_block,
    "gallery": gallery_block,
    "html": html_block,
    "image": image_block,
    "separator": separator_block,
    "shortcode": shortcode_block,
    "verse": verse_block,
    "video": media_block,
}
