"""Shortcodes, in either editor's content: captions, galleries and embeds become blocks."""

from html import escape

from kronika.wordpress import markup
from kronika.wordpress.content.converter import Converter
from kronika.wordpress.content.rules import DIGITS


def read_shortcode(converter: Converter, code: markup.Shortcode) -> None:
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
            converter.note(source, "image not found: the caption holds no image")
            if caption:
                converter.paragraph(f"<p>{escape(caption)}</p>", source=source)
            return
        converter.image(img, caption, source=source, attachment=match.group(0) if match else None)
    elif code.name == "gallery":
        ids = code.attrs.get("ids") or code.attrs.get("include") or ""
        refs = [ref.strip() for ref in ids.split(",") if ref.strip()]
        if not refs:
            converter.note(source, "gallery dropped: it shows the post's attached images")
            return
        converter.gallery([(ref, None, "") for ref in refs], "", source=source)
    elif code.name == "embed":
        url = markup.plain(code.inner or "") or code.attrs.get("src") or code.attrs.get("url", "")
        converter.embed(url, source=source)
    else:
        src = code.attrs.get("src") or code.attrs.get("mp4") or code.attrs.get("mp3") or ""
        converter.note(source, f"not carried over: {src[:200] or code.raw[:200]}")
