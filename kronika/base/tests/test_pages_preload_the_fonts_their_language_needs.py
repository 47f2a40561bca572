"""Every page preloads the regular and bold files for its language, two or four,
by the hashed names the stylesheet's @font-face rules give, in CORS mode as fonts
are fetched (a preload without crossorigin is fetched twice).
"""

import re

from django.templatetags.static import static

from kronika.base.templatetags.kronika_tags import font_preloads
from kronika.testing import KronikaTestCase, translate

PRELOAD = re.compile(
    r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>'
)


def files(*subsets: str) -> list[str]:
    return [
        static(f"kronika/fonts/literata-{subset}-{weight}-normal.woff2")
        for subset in subsets
        for weight in (400, 700)
    ]


class FontPreloadTests(KronikaTestCase):
    def test_each_language_preloads_the_subsets_its_letters_are_in(self):
        for language, subsets in (
            ("en", ["latin"]),
            ("lt", ["latin", "latin-ext"]),
            ("ru-RU", ["cyrillic", "latin"]),
            ("fr", ["latin"]),
        ):
            with self.subTest(language):
                self.assertEqual(PRELOAD.findall(font_preloads(language)), files(*subsets))

    def test_each_edition_s_pages_preload_their_own_language_s_fonts(self):
        translate(self.home, "lt", title="Pradžia")
        translate(self.home, "ru", title="Главная")
        for address, subsets in (
            ("/", ["latin"]),
            ("/lt/", ["latin", "latin-ext"]),
            ("/ru/", ["cyrillic", "latin"]),
        ):
            with self.subTest(address):
                page = self.client.get(address).content.decode()
                self.assertEqual(PRELOAD.findall(page), files(*subsets))
