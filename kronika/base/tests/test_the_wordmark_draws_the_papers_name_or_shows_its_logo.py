"""The nameplate is the paper's name drawn as SVG outlines, named for assistive
technology by that name: Latin, Lithuanian and Russian names lose no letter, a
character the face lacks is set as text, and an uploaded logo takes its place.
"""

from bs4 import BeautifulSoup

from kronika.base import wordmark
from kronika.testing import KronikaTestCase, make_image, paper_settings


class WordmarkTests(KronikaTestCase):
    def masthead(self):
        page = BeautifulSoup(self.client.get("/").content, "html.parser")
        return page.select_one(".masthead a")

    def test_the_mark_is_the_papers_name_as_outlines_in_the_text_colour(self):
        paper_settings(name="The Baltic Kronika")
        mark = self.masthead().svg
        self.assertEqual(mark["role"], "img")
        self.assertEqual(mark["aria-label"], "The Baltic Kronika")
        self.assertEqual(mark.title.get_text(), "The Baltic Kronika")
        self.assertEqual(mark["fill"], "currentColor")
        self.assertTrue(mark.path["d"].startswith("M"))
        self.assertIsNone(mark.find("text"))

    def test_a_new_name_draws_a_new_mark(self):
        paper_settings(name="Kronika")
        before = self.masthead().svg
        paper_settings(name="Kronika Daily")
        after = self.masthead().svg
        self.assertEqual(after["aria-label"], "Kronika Daily")
        self.assertNotEqual(after.path["d"], before.path["d"])
        self.assertGreater(float(after["viewbox"].split()[2]), float(before["viewbox"].split()[2]))

    def test_russian_and_lithuanian_names_lose_no_letter(self):
        for name in ("Новая газета", "Žinių radijas", "Ąžuolų Šiaulių ĖĮŲŪ", "Ёлкинская Щука"):
            with self.subTest(name):
                layout = wordmark.layout(name)
                self.assertEqual(layout.missing, "")
                self.assertEqual(len(layout.placed), len(name))
                mark = BeautifulSoup(wordmark.svg(name), "html.parser").svg
                self.assertEqual(mark["aria-label"], name)
                self.assertIsNone(mark.find("text"))

    def test_a_character_the_face_lacks_is_set_as_text(self):
        mark = BeautifulSoup(wordmark.svg("Kronika \u2603"), "html.parser").svg
        self.assertEqual([text.get_text() for text in mark.find_all("text")], ["\u2603"])
        self.assertTrue(mark.path["d"])

    def test_pairs_are_kerned(self):
        # Playfair Display pulls V under A: "AV" is narrower than A and V apart.
        self.assertLess(
            wordmark.layout("AV").width, wordmark.layout("A").width + wordmark.layout("V").width
        )

    def test_an_uploaded_logo_takes_the_marks_place(self):
        paper_settings(name="Logo Paper", logo=make_image("Masthead logo"))
        masthead = self.masthead()
        self.assertIsNone(masthead.svg)
        self.assertEqual(masthead.img["alt"], "Logo Paper")
