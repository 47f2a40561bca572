"""The image chooser shows each picture's description and credit beside its title.

Titles alone cannot tell two harbour pictures apart, nor say whose a picture
is; the grid (the chooser's default) and the list layout both show them.
"""

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, make_image


class TheImageChooserShowsDescriptionAndCredit(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.cranes = make_image("Harbour cranes")
        cls.cranes.description = "Gantry cranes over stacked containers at dusk"
        cls.cranes.credit = "Photo: Rūta K."
        cls.cranes.save()
        cls.plain = make_image("Harbour at noon")
        cls.plain.description = ""
        cls.plain.credit = ""
        cls.plain.save()

    def choices(self, layout):
        self.client.force_login(self.reporter)
        response = self.client.get("/admin/images/chooser/results/", {"layout": layout})
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser")

    def test_the_grid_shows_them_under_the_title(self):
        page = self.choices("grid")
        choice = page.find("h3", string=lambda text: text and "Harbour cranes" in text).parent
        self.assertEqual(
            choice.select_one(".kronika-picture-description").get_text(),
            "Gantry cranes over stacked containers at dusk",
        )
        self.assertEqual(choice.select_one(".kronika-picture-credit").get_text(), "Photo: Rūta K.")

    def test_a_picture_without_them_shows_no_empty_lines(self):
        page = self.choices("grid")
        choice = page.find("h3", string=lambda text: text and "Harbour at noon" in text).parent
        self.assertIsNone(choice.select_one(".kronika-picture-description"))
        self.assertIsNone(choice.select_one(".kronika-picture-credit"))

    def test_the_list_layout_shows_them_too(self):
        text = self.choices("list").get_text()
        self.assertIn("Gantry cranes over stacked containers at dusk", text)
        self.assertIn("Photo: Rūta K.", text)
