"""Every page preloads the regular and bold files for the paper's language, two or four,
by the hashed names the stylesheet's @font-face rules give, in CORS mode as fonts
are fetched (a preload without crossorigin is fetched twice).
"""

import re

from django.templatetags.static import static

from kronika.testing import KronikaTestCase, paper_settings

PRELOAD = re.compile(
    r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>'
)


class FontPreloadTests(KronikaTestCase):
    def preloaded(self, language: str) -> list[str]:
        paper_settings(language=language)
        return PRELOAD.findall(self.client.get("/").content.decode())

    def test_each_language_preloads_the_subsets_its_letters_are_in(self):
        for language, subsets in (
            ("en", ["latin"]),
            ("lt", ["latin", "latin-ext"]),
            ("ru-RU", ["cyrillic", "latin"]),
            ("fr", ["latin"]),
        ):
            with self.subTest(language):
                files = [
                    f"kronika/fonts/literata-{subset}-{weight}-normal.woff2"
                    for subset in subsets
                    for weight in (400, 700)
                ]
                self.assertEqual(self.preloaded(language), [static(name) for name in files])
