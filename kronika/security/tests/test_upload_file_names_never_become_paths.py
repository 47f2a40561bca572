"""A stored file's name comes from the uploaded name's letters, never its path.

Traversal (`../`, `..\\`), absolute paths, NUL bytes, right-to-left overrides,
fullwidth slashes and dots, Windows device names and very long names all end
up as a plain name inside the library's folder of the media root.
"""

from django.core.files.storage import storages
from django.test import SimpleTestCase
from wagtail.documents.models import Document

from kronika.base.models import KronikaImage
from kronika.security.tests.hostile_files import DOCUMENT, IMAGE, pdf, picture
from kronika.security.tests.uploading import ACCEPTED, UploadTestCase
from kronika.security.uploads import safe_file_name

NAMES = {
    "../../x.jpg": "x.jpg",
    "..\\..\\x.jpg": "x.jpg",
    "/etc/passwd.jpg": "passwd.jpg",
    "C:\\Windows\\win.ini": "win.ini",
    "x\x00.php.jpg": "x.php.jpg",
    "CON.jpg": "file-CON.jpg",
    "lpt1.txt": "file-lpt1.txt",
    ".htaccess": "file.htaccess",
    ".bashrc.txt": "bashrc.txt",
    "-rf.png": "rf.png",
    "..": "file",
    "...": "file",
    "a...b..jpg": "a.b.jpg",
    "exe\u202egpj.jpg": "exegpj.jpg",
    "\uff0e\uff0e\uff0fetc\uff0fpasswd.png": "passwd.png",
    "\u2024\u2024\u2215x.jpg": "x.jpg",
    "Ataskaita už 2024 m..PDF": "Ataskaita-uz-2024-m.pdf",
    "x" * 300 + ".jpg": "x" * 60 + ".jpg",
}


class SafeFileNameTests(SimpleTestCase):
    def test_every_name_becomes_a_plain_file_name(self):
        for name, expected in NAMES.items():
            with self.subTest(name=name):
                self.assertEqual(safe_file_name(name), expected)

    def test_a_picture_gets_the_extension_of_what_it_is(self):
        self.assertEqual(safe_file_name("photo.html", "jpg"), "photo.jpg")

    def test_local_storage_gives_every_upload_a_plain_name(self):
        storage = storages["default"]
        self.assertEqual(storage.get_valid_name("../../evil.txt"), "evil.txt")
        self.assertEqual(
            storage.generate_filename("documents/CON\x00.txt"), "documents/file-CON.txt"
        )


class UploadedNameTests(UploadTestCase):
    def test_a_traversal_name_is_stored_inside_the_library_folder(self):
        for number, name in enumerate(("../../../canary/x.jpg", "..\\..\\canary\\x.jpg")):
            with self.subTest(name=name):
                outcome = self.upload(IMAGE, name, picture(), multiple=number == 1)
                self.assertEqual(outcome.result, ACCEPTED, outcome.message)
                self.assertRegex(
                    KronikaImage.objects.latest("pk").file.name,
                    r"^original_images/[0-9a-f]{8}-x\.jpg$",
                )
        self.assertEqual(list(self.canary.iterdir()), [])

    def test_a_document_name_is_made_safe_as_well(self):
        outcome = self.upload(DOCUMENT, "../../CON.pdf", pdf(b"<</Type/Catalog>>"))
        self.assertEqual(outcome.result, ACCEPTED, outcome.message)
        self.assertRegex(
            Document.objects.get().file.name, r"^documents/[0-9a-f]{8}-file-CON\.pdf$"
        )

    def test_a_long_name_is_shortened_and_the_picture_still_kept(self):
        outcome = self.upload(IMAGE, "ž" * 300 + ".png", picture("PNG"), multiple=True)
        self.assertEqual(outcome.result, ACCEPTED, outcome.message)
        # The unique tag and what is left of the name share the same 60 characters.
        self.assertRegex(
            KronikaImage.objects.get().file.name, r"^original_images/[0-9a-f]{8}-z{51}\.png$"
        )
