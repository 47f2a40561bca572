"""kronika.css declares the committed Literata files with their unicode ranges, and the
fallback face's metric overrides recomputed from those files: a font updated, or a
number edited by hand, fails here until `python -m kronika.base.fonts` is run again.
"""

from pathlib import Path

from django.test import SimpleTestCase
from fontTools.ttLib import TTFont

from kronika.base import fonts
from kronika.missing_tools import reason, tool

STYLESHEET = fonts.FONT_DIR.parent / "kronika.css"
LIBERATION_SERIF = Path("/usr/share/fonts/truetype/liberation")
LIBERATION_FILES = {
    (400, "normal"): "LiberationSerif-Regular.ttf",
    (700, "normal"): "LiberationSerif-Bold.ttf",
    (400, "italic"): "LiberationSerif-Italic.ttf",
}
# What each subset is shipped for: English, the Baltic languages, Russian.
LETTERS = {
    "latin": "AZaz09äöüõ“”\u2013\u2014€",  # the en and em dashes too
    "latin-ext": "ĄČĘĖĮŠŲŪŽąčęėįšųūžĀĒĢĪĶĻŅāēģīķļņ",
    "cyrillic": "АЯаяЁёЖжЩщЪъЫыЭэЮю",
}


def code_points(unicode_range: str) -> set[int]:
    found = set()
    for part in unicode_range.split(","):
        first, _, last = part.removeprefix("U+").partition("-")
        found.update(range(int(first, 16), int(last or first, 16) + 1))
    return found


class WebFontCssTests(SimpleTestCase):
    def test_the_stylesheet_opens_with_the_block_the_font_files_give(self):
        self.assertTrue(STYLESHEET.read_text().startswith(fonts.font_face_css()))

    def test_the_fallback_scales_times_new_roman_to_literatas_line_length(self):
        # Times New Roman's letters are narrower: scaled up by about a sixth.
        overrides = fonts.fallback_overrides(400, "normal")
        self.assertEqual(overrides["size-adjust"], "118.47%")
        # After the scaling, the ascent comes out at Literata's own (1177 of 1000).
        self.assertAlmostEqual(
            float(overrides["ascent-override"][:-1]) * float(overrides["size-adjust"][:-1]) / 100,
            117.7,
            places=0,
        )

    def test_every_file_has_the_letters_its_range_is_for(self):
        for weight, style in fonts.FACES:
            for subset, letters in LETTERS.items():
                name = fonts.file_name(subset, weight, style)
                with self.subTest(name):
                    mapped = set(TTFont(fonts.FONT_DIR / name).getBestCmap())
                    wanted = {ord(letter) for letter in letters}
                    self.assertLessEqual(wanted, mapped)
                    self.assertLessEqual(wanted, code_points(fonts.SUBSETS[subset]))

    def test_the_fallback_widths_are_liberation_serifs_where_it_is_installed(self):
        if not LIBERATION_SERIF.is_dir():
            self.skipTest(reason(tool("Liberation Serif", "apt-get install fonts-liberation")))
        for face, file_name in LIBERATION_FILES.items():
            with self.subTest(file_name):
                measured = fonts.measured_width([TTFont(LIBERATION_SERIF / file_name)])
                self.assertAlmostEqual(measured, fonts.FALLBACK_WIDTHS[face], places=6)
