"""The bench's archive goes into the first language's sections, as the demo's
other editions (their own home pages and sections) stand beside it.

`make bench` stopped at the render stage once the demo had a home page in each
language: it asked for the one home page there was.
"""

from bench.corpus.rows import front_page
from bench.render import _sections
from kronika.testing import KronikaTestCase, translate


class FrontPageTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        translate(cls.home, "lt", title="Pradžia")
        translate(cls.news, "lt", title="Naujienos", slug="naujienos")
        translate(cls.home, "ru", title="Главная")

    def test_the_front_page_is_the_first_language_s_home(self):
        self.assertEqual(front_page(), self.home)

    def test_the_render_stage_reads_the_first_language_s_sections(self):
        self.assertEqual(_sections(), [self.news, self.sport])
