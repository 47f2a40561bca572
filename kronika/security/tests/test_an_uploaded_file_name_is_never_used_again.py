"""Every uploaded picture and document is stored under a name no other file ever had.

Pictures and their renditions are served with long cache lifetimes, by nginx,
a bucket or a CDN, which keep a file by its address. If a deleted picture's
name came back for a new upload, readers could be shown the old picture at
the new one's address until those caches expired. So each stored name starts
with a random tag before the readable name from the upload
(`original_images/3f9a1c2b-harbour.jpg`); the renditions' names are made from
it, and keep the tag however long their filter is.
"""

import re

from wagtail.documents.models import Document

from kronika.base.models import KronikaImage
from kronika.security.tests.hostile_files import DOCUMENT, IMAGE, pdf, picture
from kronika.security.tests.uploading import ACCEPTED, UploadTestCase

LONG_NAME = "harbour-cranes-at-dawn-seen-from-the-old-lighthouse.jpg"
# The shortest and the longest filter the paper asks for: Wagtail shortens a
# rendition's name from the end to fit the filter.
FILTERS = ("fill-480x270|format-webp", "max-1280x1280|format-jpeg|jpegquality-85")


class UniqueUploadNameTests(UploadTestCase):
    def add(self, library, name, data):
        outcome = self.upload(library, name, data)
        self.assertEqual(outcome.result, ACCEPTED, outcome.message)
        model = KronikaImage if library == IMAGE else Document
        return model.objects.latest("pk")

    def stored(self, name: str) -> bool:
        return (self.media / name).is_file()

    def delete(self, item) -> None:
        """Delete as the admin does; Wagtail removes the files once the deletion is committed."""
        names = [item.file.name]
        if isinstance(item, KronikaImage):
            names += [rendition.file.name for rendition in item.renditions.all()]
        with self.captureOnCommitCallbacks(execute=True):
            item.delete()
        self.assertFalse(any(self.stored(name) for name in names), names)

    def addresses(self, image: KronikaImage) -> list[str]:
        return [image.get_rendition(spec).url for spec in FILTERS]

    def test_a_picture_uploaded_after_one_of_the_same_name_was_deleted_gets_a_new_name(self):
        for name in ("x.jpg", LONG_NAME):
            with self.subTest(name=name):
                old = self.add(IMAGE, name, picture(color="#a00"))
                old_name, old_addresses = old.file.name, self.addresses(old)
                self.delete(old)
                new = self.add(IMAGE, name, picture(color="#0a0"))
                self.assertNotEqual(new.file.name, old_name)
                new_addresses = self.addresses(new)
                for old_address, new_address in zip(old_addresses, new_addresses, strict=True):
                    self.assertNotEqual(new_address, old_address)

    def test_the_stored_name_keeps_the_uploaded_one_readable(self):
        image = self.add(IMAGE, "Harbour at dawn.jpg", picture())
        self.assertRegex(image.file.name, r"^original_images/[0-9a-f]{8}-Harbour-at-dawn\.jpg$")
        tag = image.file.name.split("/")[1][:8]
        for address in self.addresses(image):
            # Shortened from the end to fit the filter: "3f9a1c2b-Harbou.max-1280x1280…".
            self.assertRegex(address, rf"^/media/images/{tag}-Harbou")
        self.assertEqual(image.title, "An upload")

    def test_two_pictures_of_the_same_name_kept_at_once_have_different_names(self):
        first = self.add(IMAGE, "x.jpg", picture())
        second = self.add(IMAGE, "x.jpg", picture())
        for image in (first, second):
            self.assertRegex(image.file.name, r"^original_images/[0-9a-f]{8}-x\.jpg$")
        self.assertNotEqual(first.file.name, second.file.name)
        self.assertTrue(self.stored(first.file.name) and self.stored(second.file.name))

    def test_a_document_uploaded_after_one_of_the_same_name_was_deleted_gets_a_new_name(self):
        old = self.add(DOCUMENT, "report.pdf", pdf(b"<</Type/Catalog>>"))
        old_name = old.file.name
        self.delete(old)
        new = self.add(DOCUMENT, "report.pdf", pdf(b"<</Type/Catalog/Version/1.7>>"))
        self.assertRegex(new.file.name, r"^documents/[0-9a-f]{8}-report\.pdf$")
        self.assertNotEqual(new.file.name, old_name)

    def test_a_file_the_multiple_upload_held_aside_gets_a_unique_name_too(self):
        for library, name, data, folder in (
            (IMAGE, "x.jpg", picture(), "original_images"),
            (DOCUMENT, "report.pdf", pdf(b"<</Type/Catalog>>"), "documents"),
        ):
            with self.subTest(library=library):
                outcome = self.upload(library, name, data, multiple=True, hold=True)
                self.assertEqual(outcome.result, ACCEPTED, outcome.message)
                model = KronikaImage if library == IMAGE else Document
                stored = model.objects.get(pk=outcome.object_id).file.name
                self.assertRegex(stored, rf"^{folder}/[0-9a-f]{{8}}-{re.escape(name)}$")

    def test_a_picture_whose_title_is_emptied_is_titled_by_its_uploaded_name(self):
        image = self.add(IMAGE, "storm-over-riga.jpg", picture())
        image.title = ""
        image.description = ""
        image.save()
        self.assertEqual(image.title, "storm over riga")
