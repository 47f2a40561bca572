"""A document is accepted only with an allowed extension and bytes that are that kind of file.

PDF starts as a PDF, ends as one and runs no script; Office and OpenDocument
files are zips with the parts of their kind and no macros, and small enough
unpacked; text is UTF-8 without NUL bytes. The check is made on the bytes,
so renaming a file changes nothing.
"""

from wagtail.documents.models import Document

from kronika.security.tests.hostile_files import (
    DOCUMENT,
    HTML,
    _zip_bomb,
    office,
    opendocument,
    pdf,
)
from kronika.security.tests.uploading import ACCEPTED, REFUSED, UploadTestCase

GENUINE = {
    "report.pdf": pdf(b"<</Type/Catalog>>"),
    "minutes.docx": office("docx"),
    "budget.xlsx": office("xlsx"),
    "slides.pptx": office("pptx"),
    "letter.odt": opendocument("odt"),
    "table.ods": opendocument("ods"),
    "talk.odp": opendocument("odp"),
    "notes.txt": "Pranešimas spaudai — Kaunas, 2024".encode(),
    "results.csv": b"\xef\xbb\xbfcandidate,votes\nA,1200\n",
}

MISMATCHED = {
    "page.pdf": (HTML, "does not start as a PDF does"),
    "scripted.pdf": (
        pdf(b"<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>"),
        "contains scripts",
    ),
    "renamed-pdf.docx": (pdf(b"<</Type/Catalog>>"), "is not a zip archive"),
    "spreadsheet.docx": (office("xlsx"), "lacks the parts"),
    "text.odt": (office("docx"), "lacks the parts"),
    "macros.docx": (office("docx", extra=[("word/vbaProject.bin", b"x")]), "contains macros"),
    "bomb.docx": (_zip_bomb(), "would unpack to far more than it holds"),
    "binary.txt": (b"MZ\x90\x00\x03\x00", "contains binary data"),
    "latin1.csv": ("Jürgen,Köln\n".encode("latin-1"), "is not UTF-8 text"),
    "page.html": (HTML, "Documents of this type are not accepted"),
    "drawing.svg": (b"<svg/>", "Documents of this type are not accepted"),
    "macros.docm": (office("docx"), "Documents of this type are not accepted"),
}


class DocumentContentTests(UploadTestCase):
    def test_genuine_documents_of_each_type_are_accepted_as_sent(self):
        for number, (name, data) in enumerate(GENUINE.items()):
            with self.subTest(name=name):
                outcome = self.upload(DOCUMENT, name, data, multiple=number % 2 == 1)
                self.assertEqual(outcome.result, ACCEPTED, outcome.message)
                stored = Document.objects.latest("pk").file
                self.assertEqual((self.media / stored.name).read_bytes(), data)

    def test_a_file_that_is_not_what_its_extension_says_is_refused_with_the_reason(self):
        for number, (name, (data, reason)) in enumerate(MISMATCHED.items()):
            with self.subTest(name=name):
                outcome = self.upload(DOCUMENT, name, data, multiple=number % 2 == 1)
                self.assertEqual(outcome.result, REFUSED)
                self.assertIn(reason, outcome.message)
                self.assertNotIn("File extension “”", outcome.message)
        self.assertFalse(Document.objects.exists())
        self.assertEqual(list(self.media.rglob("*.*")), [])
