"""A picture uploaded without a title is titled by its description, or else its file name.

The description says what the picture shows, which is what the image chooser
needs to tell pictures apart; a file name ("harbour_cranes-2031.jpg") is the
fallback. Wagtail's own prefill of the title from the file name is off, since
it would win over a description written after the file was picked.
"""

import io

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import Collection

from kronika.base.models import KronikaImage
from kronika.testing import KronikaTestCase


def photo(name="harbour_cranes-2031.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), "#336699").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


class AnUntitledPictureIsTitledByWhatItShows(KronikaTestCase):
    def setUp(self):
        self.client.force_login(self.reporter)
        self.collection = Collection.get_first_root_node().pk

    def add(self, prefix="", path="/admin/images/add/", **fields):
        data = {"title": "", "description": "", "collection": self.collection, "file": photo()}
        data.update(fields)
        return self.client.post(path, {f"{prefix}{key}": value for key, value in data.items()})

    def test_the_description_becomes_the_title(self):
        response = self.add(description="Harbour cranes at dusk")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(KronikaImage.objects.get().title, "Harbour cranes at dusk")

    def test_without_a_description_the_file_name_does(self):
        self.add()
        self.assertEqual(KronikaImage.objects.get().title, "harbour cranes 2031")

    def test_a_title_given_is_kept(self):
        self.add(title="Port of Klaipėda", description="Harbour cranes at dusk")
        self.assertEqual(KronikaImage.objects.get().title, "Port of Klaipėda")

    def test_the_choosers_upload_tab_does_the_same(self):
        response = self.add(
            "image-chooser-upload-",
            "/admin/images/chooser/create/",
            description="A tram on a wet street",
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(KronikaImage.objects.get().title, "A tram on a wet street")

    def test_the_form_says_the_title_may_be_left_empty_and_does_not_copy_the_file_name(self):
        page = BeautifulSoup(self.client.get("/admin/images/add/").content, "html.parser")
        title = page.select_one("input[name=title]")
        self.assertFalse(title.has_attr("required"))
        self.assertIn("Leave empty to use the description", page.get_text())
        self.assertFalse(page.select_one("input[name=file]").has_attr("data-w-sync-target-value"))

    def test_a_picture_saved_from_code_without_a_title_gets_one_too(self):
        picture = KronikaImage(description="", file=photo("storm-over-riga.jpg"))
        picture.save()
        self.assertEqual(picture.title, "storm over riga")
