"""A megabyte of each text shape known to stall parsers, regexes and HTML tools.

Each shape repeats a short unit: long runs with no end (one endless word or
address), many openings with no closing ("<a<a", "[[[[", "(((("), many
near-misses of what link and entity finders look for ("http://", "www.", "a@",
"&#"), and text that is large in another way (combining marks, emoji,
whitespace, line breaks).
"""

import time

MEGABYTE = 2**20

UNITS = {
    "letters": "a",
    "less-than signs": "<",
    "unclosed tags": "<a",
    "empty tags": "<>",
    "tag openings with spaces": "<a ",
    "character references": "&#",
    "ampersands": "&",
    "entities": "&amp;",
    "square brackets": "[",
    "parentheses": "(",
    "closing parentheses": ")",
    "address schemes": "http://",
    "one endless address": None,
    "addresses with parentheses": "http://a.b/(",
    "www prefixes": "www.",
    "bare domains": "x.com ",
    "at signs": "a@",
    "dots": ".",
    "quotes": '"',
    "combining accents": "\u0301",
    "emoji": "\U0001f600",
    "spaces": " ",
    "tabs and spaces": "\t ",
    "newlines": "\n",
    "windows newlines": "\r\n",
    "short words": "aaaa ",
}


def megabyte_of(unit: str | None) -> str:
    """`unit` repeated to one mebibyte of UTF-8 (a base letter first for combining marks)."""
    if unit is None:
        return "http://example.com/" + "a" * (MEGABYTE - 19)
    count = MEGABYTE // len(unit.encode())
    text = unit * count
    return "a" + text[1:] if unit == "\u0301" else text


SHAPES = {name: megabyte_of(unit) for name, unit in UNITS.items()}


def seconds(function, *args, **kwargs) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - started
