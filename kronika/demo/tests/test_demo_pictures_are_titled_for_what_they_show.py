"""The demo's pictures are titled for what they show, as an editor would title them.

The image chooser lists pictures by title: titled with their articles'
headlines, they could not be told apart by what they show. Each drawing's
title is kept beside the drawings (drawings/titles.json).
"""

import json

from django.utils import timezone

from kronika.demo.drawings import DRAWINGS, TITLES
from kronika.demo.loader import CONTENT, _article
from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase


class DemoPicturesAreTitledForWhatTheyShow(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        articles = json.loads(CONTENT.read_text(encoding="utf-8"))["articles"]
        cls.pictured = [spec for spec in articles if spec.get("image")]

    def test_every_drawing_has_a_title_of_its_own(self):
        self.assertEqual(sorted(TITLES), sorted(DRAWINGS))
        self.assertEqual(len(set(TITLES.values())), len(TITLES), "two drawings share a title")
        for name, title in TITLES.items():
            with self.subTest(drawing=name):
                self.assertGreaterEqual(len(title.split()), 2, title)
                self.assertLessEqual(len(title), 60, title)

    def test_no_picture_is_titled_with_a_headline(self):
        headlines = {spec["headline"] for spec in self.pictured}
        self.assertFalse(headlines & set(TITLES.values()))

    def test_a_loaded_picture_is_titled_by_its_drawing_and_described_by_its_caption(self):
        spec = self.pictured[0]
        authors = dict.fromkeys(spec["authors"], self.alice)
        self.assertTrue(_article(spec, {spec["section"]: self.news}, authors, timezone.now()))
        picture = ArticlePage.objects.get(locale__language_code="en", slug=spec["slug"]).hero_image
        self.assertEqual(picture.title, TITLES[spec["image"]["illustration"]])
        self.assertEqual(picture.description, spec["image"]["caption"])
        self.assertEqual(picture.credit, spec["image"]["credit"])
