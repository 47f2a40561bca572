"""Every drawing renders at the demo's size, and the same seed gives the same bytes, so
that loading the demo twice or on another machine shows the same pictures."""

import io

from django.test import SimpleTestCase
from PIL import Image

from kronika.demo.drawings import DEMO_SIZE, DRAWINGS, render


class DrawingsRenderDeterministicallyTests(SimpleTestCase):
    def test_each_drawing_renders_at_the_demo_size_and_repeats_itself(self):
        for name in DRAWINGS:
            with self.subTest(drawing=name):
                picture = render(name, "some-article")
                self.assertEqual(picture, render(name, "some-article"))
                image = Image.open(io.BytesIO(picture))
                self.assertEqual((image.format, image.size), ("JPEG", DEMO_SIZE))

    def test_a_drawing_is_not_a_blank_field(self):
        for name in DRAWINGS:
            with self.subTest(drawing=name):
                image = Image.open(io.BytesIO(render(name, "some-article"))).convert("RGB")
                colours = image.resize((160, 90)).getcolors(160 * 90)
                self.assertGreaterEqual(len(colours), 20)

    def test_an_unknown_drawing_is_an_error_not_a_fallback(self):
        with self.assertRaises(KeyError):
            render("no_such_subject", "some-article")
