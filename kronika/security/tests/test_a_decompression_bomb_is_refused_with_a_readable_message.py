"""A picture claiming more pixels than the limit is refused from its header, with a message.

A few kilobytes of PNG can claim a 30000x30000 canvas, 900 million pixels:
decoded, gigabytes. Nothing of it is decoded, by Kronika or by Wagtail.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from kronika.base.models import KronikaImage
from kronika.security.tests.hostile_files import (
    IMAGE,
    _gif_frames,
    _png_bomb,
    _png_header,
    picture,
)
from kronika.security.tests.uploading import REFUSED, UploadTestCase


class DecompressionBombTests(UploadTestCase):
    def test_a_png_bomb_is_refused_with_a_message_an_editor_understands(self):
        bomb = _png_bomb(30000, 30000)
        self.assertLess(len(bomb), 100_000)
        for multiple in (False, True):
            with self.subTest(multiple=multiple):
                outcome = self.upload(IMAGE, "bomb.png", bomb, multiple=multiple)
                self.assertEqual(outcome.result, REFUSED)
                self.assertEqual(outcome.status, 200)
                self.assertIn("million pixels", outcome.message)
        self.assertFalse(KronikaImage.objects.exists())

    def test_the_message_names_the_size_and_the_limit(self):
        outcome = self.upload(IMAGE, "poster.png", _png_header(9000, 8000))
        self.assertIn("9000x8000 pixels", outcome.message)
        limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS / 1_000_000
        self.assertIn(f"The largest accepted is {limit:g} million pixels", outcome.message)

    def test_frames_count_towards_the_limit(self):
        outcome = self.upload(IMAGE, "animation.gif", _gif_frames(5000), multiple=True)
        self.assertEqual(outcome.result, REFUSED)
        self.assertIn("5000 frames", outcome.message)

    def test_a_picture_one_pixel_wide_and_ninety_million_tall_costs_no_memory(self):
        # Resets this process's high-water mark of resident memory (Linux 4.0+).
        Path("/proc/self/clear_refs").write_text("5")
        before = _status_kb("VmRSS")
        outcome = self.upload(IMAGE, "strip.png", _png_header(1, 90_000_000))
        grown_mb = (_status_kb("VmHWM") - before) / 1024
        self.assertEqual(outcome.result, REFUSED)
        # Decoding would first take 720 MB for Pillow's row pointers alone.
        self.assertLess(grown_mb, 50)

    @override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=1000)
    def test_a_picture_over_the_limit_saved_from_code_is_refused_too(self):
        # Built from code (an import, the demo loader), a picture does not pass
        # the admin's form; the model applies the same limit when it is saved.
        photo = SimpleUploadedFile("photo.jpg", picture("JPEG", size=(64, 48)))
        with self.assertRaisesMessage(ValidationError, "64x48 pixels"):
            KronikaImage(title="Photo", file=photo).save()
        self.assertFalse(KronikaImage.objects.exists())


def _status_kb(field: str) -> int:
    lines = Path("/proc/self/status").read_text().splitlines()
    line = next(line for line in lines if line.startswith(field))
    return int(line.split()[1])
