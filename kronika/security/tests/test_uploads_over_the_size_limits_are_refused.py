"""Pictures and documents over their size limits are refused with the limit in the message.

The limits (KRONIKA_MAX_IMAGE_UPLOAD_MB, KRONIKA_MAX_DOCUMENT_UPLOAD_MB) sit below
nginx's body limit, so an editor reads Kronika's message rather than nginx's 413.
"""

import random
import re
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase, override_settings

from kronika.security.tests.hostile_files import DOCUMENT, IMAGE, pdf, picture
from kronika.security.tests.uploading import ACCEPTED, REFUSED, UploadTestCase

NGINX = Path(__file__).resolve().parents[3] / "deploy" / "nginx.conf"
LIMIT = 50_000


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=LIMIT, WAGTAILDOCS_MAX_UPLOAD_SIZE=LIMIT)
class SizeLimitTests(UploadTestCase):
    def test_a_picture_over_the_limit_is_refused(self):
        padded = picture("PNG") + random.Random(1).randbytes(LIMIT)
        for multiple in (False, True):
            with self.subTest(multiple=multiple):
                outcome = self.upload(IMAGE, "big.png", padded, multiple=multiple)
                self.assertEqual(outcome.result, REFUSED)
                self.assertRegex(outcome.message, r"too big.*48\.8\xa0KB")

    def test_a_document_over_the_limit_is_refused(self):
        big = pdf(b"<</Type/Catalog>>", b"(" + b"x" * LIMIT + b")")
        for multiple in (False, True):
            with self.subTest(multiple=multiple):
                outcome = self.upload(DOCUMENT, "big.pdf", big, multiple=multiple)
                self.assertEqual(outcome.result, REFUSED)
                self.assertIn("too big", outcome.message)

    def test_files_within_the_limits_are_kept(self):
        self.assertEqual(self.upload(IMAGE, "small.png", picture("PNG")).result, ACCEPTED)
        small = pdf(b"<</Type/Catalog>>")
        self.assertEqual(self.upload(DOCUMENT, "small.pdf", small).result, ACCEPTED)


class ShippedLimitTests(SimpleTestCase):
    def test_the_limits_are_under_the_body_size_nginx_accepts(self):
        nginx_mb = int(re.search(r"client_max_body_size (\d+)m;", NGINX.read_text()).group(1))
        self.assertEqual(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, 20 * 1024**2)
        self.assertEqual(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, 20 * 1024**2)
        self.assertLess(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, nginx_mb * 1024**2)
        self.assertLess(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, nginx_mb * 1024**2)
