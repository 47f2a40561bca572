"""SVG is refused as a picture, under its own name or any other, by every upload path.

Nothing in a newspaper needs a drawing an editor uploads, and an SVG is a
document that runs scripts when opened on its own.
"""

from bs4 import BeautifulSoup

from kronika.base.models import KronikaImage
from kronika.security.tests.hostile_files import IMAGE, PAYLOAD
from kronika.security.tests.uploading import REFUSED, UploadTestCase

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">' + PAYLOAD + b"</svg>"


class SvgUploadTests(UploadTestCase):
    def test_it_refuses_an_svg_with_a_message_that_says_so(self):
        for multiple in (False, True):
            with self.subTest(multiple=multiple):
                outcome = self.upload(IMAGE, "logo.svg", SVG, multiple=multiple)
                self.assertEqual(outcome.result, REFUSED)
                self.assertIn("SVG", outcome.message)

    def test_it_refuses_an_svg_named_as_a_photo(self):
        for name in ("photo.jpg", "photo.png", "photo.webp"):
            with self.subTest(name=name):
                outcome = self.upload(IMAGE, name, SVG)
                self.assertEqual(outcome.result, REFUSED)
                self.assertIn("not a picture in a format the paper accepts", outcome.message)

    def test_svg_is_not_an_extension_the_image_library_accepts(self):
        response = self.client.get("/admin/images/multiple/add/")
        self.assertNotIn("svg", response.context["allowed_extensions"])
        # The upload field's own filters; the page's icon is an SVG, and may be.
        field = BeautifulSoup(response.content, "html.parser").select_one("#fileupload")
        self.assertNotIn("svg", field["accept"])
        self.assertNotIn("svg", field["data-accept-file-types"])

    def test_nothing_is_stored(self):
        self.upload(IMAGE, "logo.svg", SVG, multiple=True)
        self.assertFalse(KronikaImage.objects.exists())
        self.assertEqual(list(self.media.rglob("*.*")), [])
