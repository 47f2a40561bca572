"""What a post says: Telegram HTML within Telegram's limits, everything escaped.

Telegram counts a caption's length after removing its tags, in UTF-16 code
units, so an emoji counts twice; so does this module.
"""

import re
from html import escape
from html.parser import HTMLParser

CAPTION_LIMIT = 1024
TEXT_LIMIT = 4096
ELLIPSIS = "…"
ALLOWED_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre"}
    | {"blockquote", "tg-spoiler", "span", "tg-emoji"}
)
PLACEHOLDERS = ("{headline}", "{standfirst}", "{link}")
DEFAULT_TEMPLATE = "<b>{headline}</b>\n\n{standfirst}\n\n{link}"


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def visible_text(html: str) -> str:
    """The text a reader sees of a post: its HTML without tags, entities read."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.text)


def visible_length(html: str) -> int:
    return utf16_length(visible_text(html))


def room_for_text(template: str, link_length: int, limit: int = CAPTION_LIMIT) -> int:
    """How much of the limit a template leaves for the headline and standfirst."""
    return limit - visible_length(
        _fill(template, {"headline": "", "standfirst": "", "link": "x" * link_length})
    )


def check_template(template: str) -> None:
    """Refuse a template Telegram would refuse, or one with unknown placeholders."""
    parser = _Text()
    parser.feed(template)
    parser.close()
    refused = sorted(set(parser.tags) - ALLOWED_TAGS)
    if refused:
        raise ValueError(f"Telegram does not allow these tags: {', '.join(refused)}.")
    rest = template
    for placeholder in PLACEHOLDERS:
        rest = rest.replace(placeholder, "")
    unknown = re.findall(r"\{[^{}]*\}", rest)
    if unknown:
        raise ValueError(
            f"Unknown placeholders: {', '.join(unknown)}. Use {', '.join(PLACEHOLDERS)}."
        )


def shorten(text: str, room: int) -> str:
    """Cut text at a word boundary, with an ellipsis, to at most `room` UTF-16 units."""
    if utf16_length(text) <= room:
        return text
    budget = room - utf16_length(ELLIPSIS)
    if budget <= 0:
        return ""
    kept = ""
    for word in text.split():
        candidate = f"{kept} {word}" if kept else word
        if utf16_length(candidate) > budget:
            break
        kept = candidate
    if not kept:
        # One word longer than the room: cut inside it, never inside a surrogate pair.
        for character in text:
            if utf16_length(kept + character) > budget:
                break
            kept += character
    return kept.rstrip(" ,;:-\u2013\u2014") + ELLIPSIS


def _fill(template: str, values: dict[str, str]) -> str:
    # str.format would let a template reach attributes; plain replacement cannot.
    # Quotes are escaped too: a template may put a placeholder inside an
    # attribute, as in <a href="{link}">, and Telegram reads &quot; and &#x27;.
    html = template
    for name, value in values.items():
        html = html.replace("{" + name + "}", escape(value))
    return html


def compose(template: str, *, headline: str, standfirst: str, link: str, limit: int) -> str:
    """The post's HTML, shortening the standfirst first, then the headline, to fit."""
    values = {"headline": headline, "standfirst": standfirst, "link": link}
    for field in ("standfirst", "headline"):
        html = _fill(template, values)
        if visible_length(html) <= limit:
            return html
        room = limit - visible_length(_fill(template, {**values, field: ""}))
        values[field] = shorten(values[field], max(room, 0))
    return _fill(template, values)
