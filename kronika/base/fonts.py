"""The reader site's web font, Literata, and a fallback face that keeps text still as it loads.

Literata comes as three faces (400, 700, 400 italic), each split into the
subsets a paper in English, a Baltic language or Russian needs (latin,
latin-ext, cyrillic), with fontsource's unicode ranges: a browser downloads a
subset only when the page has a character in its range.

Until a face arrives the text is set in "Literata Fallback": a local serif,
scaled (size-adjust) so that its lines are as long as Literata's, with
Literata's ascent, descent and line gap, so that the swap moves nothing.
size-adjust holds for one local font's widths only, and the serifs a reader
may have differ by a quarter (DejaVu Serif's letters are 25% wider than Times
New Roman's). The fallback faces therefore name only Times New Roman and its
metric-compatible clones (Liberation Serif on Linux, Tinos on ChromeOS; same
advance widths), which Windows, macOS and most Linux desktops have. Where none
is, the family is skipped and Georgia or the generic serif shows unadjusted.

`python -m kronika.base.fonts` prints the CSS block that kronika.css carries;
tests/test_the_web_font_css_matches_the_font_files.py fails if they drift.
"""

from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path(__file__).parent / "static" / "kronika" / "fonts"
STATIC_PREFIX = "kronika/fonts/"
FAMILY = "Literata"
# Every Baltic and Central European letter. fontsource's latin-ext subset also
# carries phonetic, medievalist and currency signs, which made it twice the
# size: an English article naming Klaipėda or Mārtiņš took it in two weights
# and went over the 100 KB a page may spend on fonts (103 KB).
LATIN_EXT_FIRST, LATIN_EXT_LAST = 0x0100, 0x024F
LATIN_EXT_RANGE = f"U+{LATIN_EXT_FIRST:04X}-{LATIN_EXT_LAST:04X}"
FALLBACK_FAMILY = "Literata Fallback"

# fontsource 5.3.0's unicode.json, as its per-subset CSS files give them, but
# for latin-ext, cut to Latin Extended-A and B (trim_latin_ext below).
SUBSETS = {
    "latin": (
        "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,"
        "U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"
    ),
    "latin-ext": LATIN_EXT_RANGE,
    "cyrillic": "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116",
}
# (weight, style): body text, headlines, emphasis.
FACES = ((400, "normal"), (700, "normal"), (400, "italic"))

# The local fonts each fallback face may use, by full name and PostScript
# name (what local() matches), all with Times New Roman's advance widths.
FALLBACK_LOCAL_NAMES = {
    (400, "normal"): (
        "Times New Roman",
        "TimesNewRomanPSMT",
        "Liberation Serif",
        "LiberationSerif",
        "Tinos",
        "Tinos-Regular",
    ),
    (700, "normal"): (
        "Times New Roman Bold",
        "TimesNewRomanPS-BoldMT",
        "Liberation Serif Bold",
        "LiberationSerif-Bold",
        "Tinos Bold",
        "Tinos-Bold",
    ),
    (400, "italic"): (
        "Times New Roman Italic",
        "TimesNewRomanPS-ItalicMT",
        "Liberation Serif Italic",
        "LiberationSerif-Italic",
        "Tinos Italic",
        "Tinos-Italic",
    ),
}
# The mean advance width per character of SAMPLE, in ems, of Liberation Serif
# 2.1 (Times New Roman's widths): measured_width() on
# /usr/share/fonts/truetype/liberation/LiberationSerif-*.ttf. Kept here, as the
# local fonts are not part of the project; a test checks them where installed.
FALLBACK_WIDTHS = {
    (400, "normal"): 0.422977,
    (700, "normal"): 0.450692,
    (400, "italic"): 0.428482,
}
# Text in the paper's three kinds of language, weighted alike: the width ratio
# between the two fonts differs by about 1% between them.
SAMPLE = (
    "The city council meets on Thursday to discuss the new budget for schools and "
    "roads, and the mayor said that the vote would come before the summer. "
    "Vyriausybė ketvirtadienį aptars naują biudžetą mokykloms ir keliams, o "
    "savivaldybės tarybos nariai žada balsuoti už pakeitimus. "
    "Правительство в четверг обсудит новый бюджет для школ и дорог, а депутаты "  # noqa: RUF001
    "городского совета обещают голосовать за поправки."
)

# Which subsets a paper's body text needs first, by the language's primary
# subtag (a language code such as "lt" or "pt-br"); any other language: latin.
LANGUAGE_SUBSETS = {
    **dict.fromkeys(
        ("lt", "lv", "et", "pl", "cs", "sk", "sl", "hr", "hu", "ro"), ("latin", "latin-ext")
    ),
    **dict.fromkeys(("ru", "uk", "be", "bg", "sr", "mk"), ("cyrillic", "latin")),
}


def file_name(subset: str, weight: int, style: str) -> str:
    return f"literata-{subset}-{weight}-{style}.woff2"


def preloads(language: str) -> list[str]:
    """The static paths of the files that a paper in `language` needs on every page.

    The body's regular and the headlines' bold: every page sets both. Without
    the bold preloaded, it arrived after the first paint, and a headline set in
    the fallback face rewrapped on the swap, moving the page under it by a line
    (a layout shift of 0.02 on a phone, the issue's whole budget).
    """
    primary = (language or "").split("-")[0].lower()
    return [
        STATIC_PREFIX + file_name(subset, weight, "normal")
        for subset in LANGUAGE_SUBSETS.get(primary, ("latin",))
        for weight in (400, 700)
    ]


@cache
def _literata(weight: int, style: str) -> tuple[TTFont, ...]:
    return tuple(TTFont(FONT_DIR / file_name(subset, weight, style)) for subset in SUBSETS)


def measured_width(fonts, text: str = SAMPLE) -> float:
    """The mean advance width of text's characters in ems, each from the first font that has it."""
    total = 0.0
    for character in text:
        for font in fonts:
            glyph = font.getBestCmap().get(ord(character))
            if glyph is not None:
                total += font["hmtx"][glyph][0] / font["head"].unitsPerEm
                break
        else:
            raise LookupError(f"no font has {character!r}")
    return total / len(text)


def _percent(value: float) -> str:
    return f"{value * 100:.2f}%"


def fallback_overrides(weight: int, style: str) -> dict[str, str]:
    """The descriptors that give a Times New Roman face Literata's line length and height.

    size-adjust scales the local font's glyphs and every metric, the overrides
    included, so those are divided by it to come out at Literata's own.
    """
    fonts = _literata(weight, style)
    scale = measured_width(fonts) / FALLBACK_WIDTHS[weight, style]
    # The subsets share their vertical metrics; hhea's are what browsers use,
    # and Literata sets OS/2's typo metrics (USE_TYPO_METRICS) to the same.
    font = fonts[0]
    em = font["head"].unitsPerEm
    hhea = font["hhea"]
    return {
        "size-adjust": _percent(scale),
        "ascent-override": _percent(hhea.ascent / em / scale),
        "descent-override": _percent(-hhea.descent / em / scale),
        "line-gap-override": _percent(hhea.lineGap / em / scale),
    }


def font_face_css() -> str:
    """The @font-face block at the top of kronika.css."""
    lines = [
        "/* Web fonts: Literata (SIL OFL, fonts/README.md) and its metric-matched fallback.",
        "   Written by `python -m kronika.base.fonts` from the font files: do not edit. */",
    ]
    for weight, style in FACES:
        for subset, unicode_range in SUBSETS.items():
            lines += [
                "@font-face {",
                f'  font-family: "{FAMILY}"; font-style: {style}; font-weight: {weight};',
                "  font-display: swap;",
                f'  src: url("fonts/{file_name(subset, weight, style)}") format("woff2");',
                f"  unicode-range: {unicode_range};",
                "}",
            ]
    for (weight, style), names in FALLBACK_LOCAL_NAMES.items():
        sources = ", ".join(f'local("{name}")' for name in names)
        lines += [
            "@font-face {",
            f'  font-family: "{FALLBACK_FAMILY}"; font-style: {style}; font-weight: {weight};',
            f"  src: {sources};",
            *(f"  {name}: {value};" for name, value in fallback_overrides(weight, style).items()),
            "}",
        ]
    lines.append("/* End of web fonts. */")
    return "\n".join(lines) + "\n"


def trim_latin_ext(source: Path, target: Path) -> None:
    """Write fontsource's latin-ext woff2 at `source` cut to LATIN_EXT_RANGE, at `target`.

    How the shipped latin-ext files were made (fonts/README.md), kept so that a
    new Literata release can be cut the same way.
    """
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    font = TTFont(source)
    letters = [c for c in font.getBestCmap() if LATIN_EXT_FIRST <= c <= LATIN_EXT_LAST]
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes=letters)
    cutter.subset(font)
    font.save(target)


if __name__ == "__main__":
    print(font_face_css(), end="")
