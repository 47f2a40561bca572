"""A picture that is also a page or a script is kept as a plain picture of itself.

Only the pixels survive re-encoding: comments, EXIF (with a source's GPS
position), XMP, colour profiles and trailing bytes are gone, and a photo taken
on its side is stored upright.
"""

import io

from PIL import ExifTags, Image

from kronika.base.models import KronikaImage
from kronika.security.tests.hostile_files import (
    HTML,
    IMAGE,
    MARKERS,
    PAYLOAD,
    _before_iend,
    _gif_javascript_polyglot,
    _png_chunk,
    picture,
)
from kronika.security.tests.uploading import ACCEPTED, UploadTestCase


class PolyglotPictureTests(UploadTestCase):
    def stored(self, name, data, *, multiple=False) -> tuple[bytes, Image.Image]:
        outcome = self.upload(IMAGE, name, data, multiple=multiple)
        self.assertEqual(outcome.result, ACCEPTED, outcome.message)
        content = (self.media / KronikaImage.objects.latest("pk").file.name).read_bytes()
        return content, Image.open(io.BytesIO(content))

    def assert_harmless(self, content: bytes):
        self.assertEqual([marker for marker in MARKERS if marker in content], [])

    def test_a_jpeg_that_is_also_an_html_page_becomes_a_plain_jpeg(self):
        polyglot = picture("JPEG", comment=HTML) + HTML
        self.assertIn(b"<html>", polyglot[:200], "the page starts where browsers sniff")
        content, stored = self.stored("report.jpg", polyglot)
        self.assert_harmless(content)
        self.assertEqual(stored.format, "JPEG")
        self.assertTrue(content.endswith(b"\xff\xd9"), "nothing after the end of the image")
        self.assertNotIn("comment", stored.info)

    def test_a_png_with_html_in_text_chunks_and_after_its_end_becomes_a_plain_png(self):
        chunked = _before_iend(picture("PNG"), _png_chunk(b"tEXt", b"Comment\x00" + HTML)) + HTML
        content, stored = self.stored("chart.png", chunked, multiple=True)
        self.assert_harmless(content)
        self.assertEqual(stored.format, "PNG")
        self.assertTrue(content.endswith(b"IEND\xaeB`\x82"))
        self.assertEqual(stored.text, {})

    def test_a_gif_that_is_also_a_script_loses_the_script(self):
        polyglot = _gif_javascript_polyglot()
        self.assertTrue(polyglot.startswith(b"GIF89a/*"))
        content, stored = self.stored("anim.gif", polyglot)
        self.assert_harmless(content)
        self.assertNotIn(b"alert(", content)
        self.assertEqual(stored.format, "GIF")

    def test_exif_goes_with_the_gps_position_and_a_sideways_photo_is_turned_upright(self):
        tags = Image.Exif()
        tags[ExifTags.Base.Orientation] = 6
        tags[ExifTags.Base.ImageDescription] = PAYLOAD.decode()
        tags[ExifTags.Base.GPSInfo] = {
            ExifTags.GPS.GPSLatitudeRef: "N",
            ExifTags.GPS.GPSLatitude: (54.0, 41.0, 2.0),
        }
        sideways = picture("JPEG", size=(60, 40), exif=tags.tobytes())
        self.assertTrue(Image.open(io.BytesIO(sideways)).getexif().get_ifd(ExifTags.IFD.GPSInfo))
        content, stored = self.stored("sideways.jpg", sideways)
        self.assert_harmless(content)
        self.assertEqual(stored.size, (40, 60))
        self.assertEqual(dict(stored.getexif()), {})
        self.assertNotIn(b"Exif", content)

    def test_a_colour_profile_is_applied_and_not_kept(self):
        content, stored = self.stored("profiled.webp", picture("WEBP", icc_profile=HTML))
        self.assert_harmless(content)
        self.assertNotIn("icc_profile", stored.info)
