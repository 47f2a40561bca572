"""The paper's name as a wordmark: Playfair Display Black outlines, drawn on the server.

The nameplate, the admin's logo and the share picture all show the name in
one display face, yet no reader downloads it: the name's glyphs become SVG
paths here (fontTools: each glyph's outline through a pen, with the font's
pair kerning). The font files sit beside this module, outside the static
files, in the subsets the papers write in (latin, latin-ext, cyrillic).

A character none of them has is set as a <text> element in the reader's own
serif, so a name never loses a letter. Layouts are kept in memory by name:
a new name is a new key, and the name changes about never.
"""

import io
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

FONT_DIR = Path(__file__).parent / "wordmark_fonts"
SUBSETS = ("latin", "latin-ext", "cyrillic")
# The advance of a character the fonts lack, in font units (half an em and a bit).
MISSING_ADVANCE = 600
# fontTools reads a font's tables lazily, on first use, and is not thread-safe:
# two request threads drawing the mark for the first time at once read the same
# half-loaded tables, and the admin's sign-in page answered 500 to one of
# several sign-ins made together. Drawing is serialised; a drawn mark is cached.
fonts_in_use = threading.RLock()


@cache
def fonts() -> tuple[TTFont, ...]:
    return tuple(
        TTFont(FONT_DIR / f"playfair-display-{subset}-900-normal.woff2") for subset in SUBSETS
    )


@cache
def font_data(index: int) -> bytes:
    """The font's bytes as TrueType, which FreeType (Pillow's ImageFont) reads from memory."""
    font = TTFont(FONT_DIR / f"playfair-display-{SUBSETS[index]}-900-normal.woff2")
    font.flavor = None
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


@cache
def _kerning(index: int) -> dict[tuple[str, str], int]:
    """The font's pair kerning (GPOS 'kern' PairPos, formats 1 and 2), by glyph names."""
    table = fonts()[index]["GPOS"].table
    lookups = {
        lookup_index
        for record in table.FeatureList.FeatureRecord
        if record.FeatureTag == "kern"
        for lookup_index in record.Feature.LookupListIndex
    }
    pairs: dict[tuple[str, str], int] = {}
    for lookup_index in sorted(lookups):
        for subtable in table.LookupList.Lookup[lookup_index].SubTable:
            subtable = getattr(subtable, "ExtSubTable", subtable)
            if subtable.LookupType != 2:
                continue
            for pair, value in _pair_values(subtable):
                pairs.setdefault(pair, value)  # the first subtable that has a pair wins
    return pairs


def _pair_values(subtable):
    def advance(record) -> int:
        return getattr(record, "XAdvance", 0) or 0 if record is not None else 0

    firsts = subtable.Coverage.glyphs
    if subtable.Format == 1:
        for first, pair_set in zip(firsts, subtable.PairSet, strict=True):
            for record in pair_set.PairValueRecord:
                yield (first, record.SecondGlyph), advance(record.Value1)
    elif subtable.Format == 2:
        first_classes = subtable.ClassDef1.classDefs
        second_classes = subtable.ClassDef2.classDefs
        for first in firsts:
            row = subtable.Class1Record[first_classes.get(first, 0)]
            for second, second_class in second_classes.items():
                value = advance(row.Class2Record[second_class].Value1)
                if value:
                    yield (first, second), value


@dataclass(frozen=True)
class Placed:
    """A character of the name at its place: from font `font`, or missing (None)."""

    character: str
    x: int
    font: int | None
    glyph: str | None


@dataclass(frozen=True)
class Layout:
    name: str
    placed: tuple[Placed, ...]
    width: int
    ascent: int
    descent: int

    @property
    def height(self) -> int:
        return self.ascent + self.descent

    @property
    def missing(self) -> str:
        return "".join(place.character for place in self.placed if place.font is None)


def layout(name: str) -> Layout:
    """Where each character of `name` goes, in font units, kerned within a font."""
    with fonts_in_use:
        return _layout(name)


@lru_cache(maxsize=64)
def _layout(name: str) -> Layout:
    loaded = fonts()
    placed, x, previous = [], 0, None
    for character in name:
        found = next(
            (
                (index, font.getBestCmap()[ord(character)])
                for index, font in enumerate(loaded)
                if ord(character) in font.getBestCmap()
            ),
            None,
        )
        if found is None:
            placed.append(Placed(character, x, None, None))
            x += MISSING_ADVANCE
            previous = None
            continue
        index, glyph = found
        if previous is not None and previous[0] == index:
            x += _kerning(index).get((previous[1], glyph), 0)
        placed.append(Placed(character, x, index, glyph))
        x += loaded[index]["hmtx"][glyph][0]
        previous = found
    hhea = loaded[0]["hhea"]
    return Layout(name, tuple(placed), max(x, 1), hhea.ascent, -hhea.descent)


def _round(value: float) -> str:
    return str(round(value))


def svg(name: str) -> SafeString:
    """The inline SVG of the name, in currentColor, named for assistive technology by `name`."""
    with fonts_in_use:
        return _svg(name)


@lru_cache(maxsize=64)
def _svg(name: str) -> SafeString:
    shape = layout(name)
    loaded = fonts()
    pen_by_font = {}
    texts = []
    for place in shape.placed:
        if place.font is None:
            texts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="1000" font-family="serif"'
                    ' font-weight="900">{}</text>',
                    place.x,
                    shape.ascent,
                    place.character,
                )
            )
            continue
        glyph_set = loaded[place.font].getGlyphSet()
        pen = pen_by_font.setdefault(place.font, SVGPathPen(glyph_set, ntos=_round))
        # Font units grow upwards from the baseline; SVG's grow downwards from the top.
        glyph_set[place.glyph].draw(TransformPen(pen, (1, 0, 0, -1, place.x, shape.ascent)))
    paths = "".join(f'<path d="{pen.getCommands()}"/>' for pen in pen_by_font.values())
    return format_html(
        '<svg class="wordmark" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}"'
        ' width="{}" height="48" role="img" aria-label="{}" fill="currentColor">'
        "<title>{}</title>{}{}</svg>",
        shape.width,
        shape.height,
        round(48 * shape.width / shape.height),
        name,
        name,
        mark_safe(paths),  # noqa: S308 - numbers and path commands only
        mark_safe("".join(texts)),  # noqa: S308 - each made by format_html
    )
