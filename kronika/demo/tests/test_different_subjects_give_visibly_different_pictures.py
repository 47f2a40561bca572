"""Two subjects never give the same picture in other colours: the demo once showed one
generated landscape, recoloured, under every caption."""

import io
import itertools

from django.test import SimpleTestCase
from PIL import Image, ImageChops, ImageOps, ImageStat

from kronika.demo.drawings import DRAWINGS, render

# Mean difference (0-255) of two pictures' shapes; a recoloured copy scores about 2,
# the two most alike subjects (turbines at sea and on land) about 20.
SAME_PICTURE_BELOW = 10


def shapes(picture: bytes) -> Image.Image:
    """The picture's light and dark areas, whatever their colours: equalised grey, small."""
    grey = Image.open(io.BytesIO(picture)).convert("L")
    return ImageOps.equalize(grey).resize((64, 36), Image.Resampling.BOX)


def difference(a: Image.Image, b: Image.Image) -> float:
    # A recolouring may swap light for dark, so the negative counts as the same picture.
    return min(
        ImageStat.Stat(ImageChops.difference(a, b)).mean[0],
        ImageStat.Stat(ImageChops.difference(ImageOps.invert(a), b)).mean[0],
    )


class DifferentSubjectsLookDifferentTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pictures = {name: render(name, "some-article") for name in DRAWINGS}

    def test_the_measure_sees_through_a_recolouring(self):
        grey = Image.open(io.BytesIO(self.pictures["harbour"])).convert("L")
        for dark, light in [("#3c096c", "#c77dff"), ("#ffff99", "#003300")]:
            with self.subTest(colours=(dark, light)):
                buffer = io.BytesIO()
                ImageOps.colorize(grey, dark, light).save(buffer, "JPEG")
                self.assertLess(
                    difference(shapes(self.pictures["harbour"]), shapes(buffer.getvalue())),
                    SAME_PICTURE_BELOW,
                )

    def test_every_two_subjects_differ_in_their_shapes(self):
        outlines = {name: shapes(picture) for name, picture in self.pictures.items()}
        for first, second in itertools.combinations(sorted(outlines), 2):
            with self.subTest(first=first, second=second):
                self.assertGreater(
                    difference(outlines[first], outlines[second]), SAME_PICTURE_BELOW
                )
