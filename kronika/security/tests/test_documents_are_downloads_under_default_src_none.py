"""Documents are only ever downloads, sent with "Content-Security-Policy: default-src 'none'".

Even a text file that is really an HTML page or an SVG with a script is
saved by the browser, not shown, and could run nothing if it were. The file
itself is not served from /media/, where its collection's privacy would not
be checked, nor is a file the multiple upload keeps aside.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.models import UploadedFile

from kronika.security.tests.hostile_files import DOCUMENT, HTML, pdf
from kronika.security.tests.uploading import ACCEPTED, UploadTestCase, allows_nothing

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'


class DocumentServingTests(UploadTestCase):
    def add(self, name, data) -> Document:
        outcome = self.upload(DOCUMENT, name, data)
        self.assertEqual(outcome.result, ACCEPTED, outcome.message)
        return Document.objects.latest("pk")

    def test_every_document_is_an_attachment_that_may_run_nothing(self):
        for name, data, content_type in (
            ("report.pdf", pdf(b"<</Type/Catalog>>"), "application/pdf"),
            ("page.txt", HTML, "text/plain"),
            ("drawing.txt", SVG, "text/plain"),
        ):
            with self.subTest(name=name):
                document = self.add(name, data)
                self.client.logout()
                response = self.client.get(document.url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(b"".join(response.streaming_content), data)
                self.assertTrue(response["Content-Type"].startswith(content_type))
                self.assertEqual(
                    response["Content-Disposition"].split(";")[0], "attachment", "never inline"
                )
                policy = response["Content-Security-Policy"]
                self.assertTrue(policy.startswith("default-src 'none'"), policy)
                self.assertTrue(allows_nothing(policy), policy)
                self.assertEqual(response["X-Content-Type-Options"], "nosniff")
                self.client.force_login(self.editor)

    def test_the_stored_file_is_not_served_from_the_media_folder(self):
        document = self.add("page.txt", HTML)
        self.assertEqual(self.client.get(document.file.url).status_code, 404)

    def test_a_file_kept_aside_by_the_multiple_upload_is_not_served_either(self):
        # A title longer than titles may be makes the multiple upload keep the file aside.
        answer = self.client.post(
            "/admin/documents/multiple/add/",
            {"files[]": SimpleUploadedFile("memo.txt", HTML), "title": "t" * 300},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        ).json()
        held = UploadedFile.objects.get(pk=answer["uploaded_file_id"])
        self.assertTrue((self.media / held.file.name).is_file())
        self.assertEqual(self.client.get(held.file.url).status_code, 404)
