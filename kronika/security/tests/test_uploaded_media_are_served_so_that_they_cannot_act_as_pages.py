"""/media/ as `kronika serve` answers it (kronika.base.media_files): a file that
is really HTML or a scripted SVG runs nothing, and nothing outside the media
folder, nor a private document's file, can be reached through it.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from kronika.security.tests.http_headers import policy
from kronika.testing import KronikaTestCase, make_image


class MediaFileTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.picture = make_image("A harbour").get_rendition("fill-160x90")
        media = Path(settings.MEDIA_ROOT)
        (media / "images").mkdir(parents=True, exist_ok=True)
        # What a polyglot upload would be, had it got past the upload checks.
        (media / "images" / "polyglot.html").write_text("<script>alert(document.cookie)</script>")
        cls.outside = Path(settings.DATA_DIR) / "outside-the-media-root.txt"
        cls.outside.write_text("not for readers")

    def test_a_picture_is_served_with_a_policy_that_lets_it_run_nothing(self):
        response = self.client.get(self.picture.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/jpeg")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        directives = policy(response["Content-Security-Policy"])
        self.assertEqual(directives["default-src"], ["'none'"])
        self.assertEqual(directives["frame-ancestors"], ["'none'"])
        self.assertIn("sandbox", directives)
        self.assertNotIn("script-src", directives)

    def test_an_html_file_in_the_media_is_sandboxed(self):
        response = self.client.get("/media/images/polyglot.html")
        self.assertEqual(response.status_code, 200)
        self.assertIn("sandbox", policy(response["Content-Security-Policy"]))
        self.assertEqual(policy(response["Content-Security-Policy"])["default-src"], ["'none'"])

    def test_an_unchanged_picture_is_answered_with_304(self):
        last_modified = self.client.get(self.picture.url)["Last-Modified"]
        response = self.client.get(self.picture.url, HTTP_IF_MODIFIED_SINCE=last_modified)
        self.assertEqual(response.status_code, 304)

    def test_nothing_outside_the_media_root_can_be_reached(self):
        link = Path(settings.MEDIA_ROOT) / "images" / "link-out.txt"
        link.symlink_to(self.outside)
        self.addCleanup(link.unlink)
        for path in (
            "/media/../outside-the-media-root.txt",
            "/media/images/../../outside-the-media-root.txt",
            "/media/%2e%2e/outside-the-media-root.txt",
            "/media/images/%2e%2e%2f%2e%2e%2foutside-the-media-root.txt",
            "/media/images/link-out.txt",
            "/media/images/",
            "/media/images/%00.jpg",
        ):
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertIn(response.status_code, (400, 404))
                self.assertNotIn(b"not for readers", response.content)

    def test_a_document_file_is_only_served_by_the_document_view(self):
        document = get_document_model()(title="Board minutes")
        document.file.save("minutes.txt", ContentFile(b"Confidential minutes."), save=False)
        document.save()
        self.assertEqual(self.client.get(document.url).status_code, 200)
        name = document.file.name
        for path in (
            document.file.url,
            f"/media/original_images/../{name}",
            f"/media/images/%2e%2e/{name}",
            f"/media/./{name}",
        ):
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(b"Confidential", response.content)

    def test_only_reading_is_allowed(self):
        response = self.client.post(self.picture.url)
        self.assertEqual(response.status_code, 405)
