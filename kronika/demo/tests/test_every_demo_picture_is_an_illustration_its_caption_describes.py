"""The demo's pictures are drawings, and their captions say so and say what is drawn."""

import json

from django.test import SimpleTestCase

from kronika.demo.drawings import DRAWINGS
from kronika.demo.loader import CONTENT

PREFIX = "Illustration: "


class DemoPicturesAreIllustrationsTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        articles = json.loads(CONTENT.read_text(encoding="utf-8"))["articles"]
        cls.pictures = {a["slug"]: a["image"] for a in articles if a.get("image")}

    def test_the_demo_has_pictures(self):
        self.assertGreaterEqual(len(self.pictures), 30)

    def test_every_caption_says_illustration_and_describes_it(self):
        for slug, picture in self.pictures.items():
            with self.subTest(slug=slug):
                self.assertTrue(picture["caption"].startswith(PREFIX), picture["caption"])
                description = picture["caption"].removeprefix(PREFIX)
                self.assertGreaterEqual(len(description.split()), 4, description)

    def test_the_credit_is_its_own_field_and_names_a_drawing(self):
        for slug, picture in self.pictures.items():
            with self.subTest(slug=slug):
                self.assertEqual(picture["credit"], "Drawing: Kronika demo")
                self.assertNotIn(picture["credit"], picture["caption"])

    def test_every_illustration_names_an_existing_drawing(self):
        for slug, picture in self.pictures.items():
            with self.subTest(slug=slug):
                self.assertIn(picture["illustration"], DRAWINGS)

    def test_the_set_is_varied(self):
        subjects = [picture["illustration"] for picture in self.pictures.values()]
        self.assertGreaterEqual(len(set(subjects)), len(subjects) - 3)
