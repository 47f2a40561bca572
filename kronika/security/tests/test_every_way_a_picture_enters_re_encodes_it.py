"""Besides the add forms and the multiple upload (tested elsewhere), every other way a
picture enters Kronika re-encodes it: the chooser's upload tab, replacing an image's
file, a staff member's profile picture, and pictures saved from code (the demo loader).
"""

import io

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.users.models import UserProfile

from kronika.base.models import KronikaImage
from kronika.demo.loader import _image
from kronika.security.forms import AvatarForm
from kronika.security.tests.hostile_files import HTML, MARKERS, multipart, picture
from kronika.security.tests.uploading import UploadTestCase

POLYGLOT = picture("JPEG", comment=HTML) + HTML
# What the account page sends besides the picture.
ACCOUNT = {
    "name_email-first_name": "Eda",
    "name_email-last_name": "Itorė",
    "name_email-email": "editor@example.org",
    "locale-preferred_language": "en",
    "locale-current_time_zone": "",
    "theme-theme": "system",
    "theme-contrast": "system",
    "theme-density": "default",
}


class EveryWayInTests(UploadTestCase):
    def send(self, path, fields, file_field, name="photo.jpg", data=POLYGLOT):
        body, content_type = multipart(fields, file_field, name, data)
        return self.client.generic("POST", path, body, content_type=content_type)

    def assert_stored_harmless(self, name):
        content = (self.media / name).read_bytes()
        self.assertEqual([marker for marker in MARKERS if marker in content], [])
        self.assertEqual(Image.open(io.BytesIO(content)).format, "JPEG")

    def test_the_image_choosers_upload_tab(self):
        collection = str(self.uploader.collection)
        fields = {"image-chooser-upload-title": "From the chooser"}
        fields["image-chooser-upload-collection"] = collection
        response = self.send("/admin/images/chooser/create/", fields, "image-chooser-upload-file")
        self.assertEqual(response.status_code, 200)
        self.assert_stored_harmless(KronikaImage.objects.get().file.name)

    def test_replacing_an_images_file(self):
        image = _image("Harbour", picture("JPEG"), "harbour.jpg")
        fields = {"title": "Harbour", "collection": str(image.collection_id)}
        response = self.send(f"/admin/images/{image.pk}/", fields, "file")
        self.assertEqual(response.status_code, 302)
        image.refresh_from_db()
        self.assert_stored_harmless(image.file.name)

    def test_a_refused_replacement_keeps_the_old_picture(self):
        image = _image("Harbour", picture("JPEG"), "harbour.jpg")
        fields = {"title": "Harbour", "collection": str(image.collection_id)}
        svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
        response = self.send(f"/admin/images/{image.pk}/", fields, "file", "x.jpg", svg)
        self.assertEqual(response.status_code, 200)
        self.assertIn("not a picture in a format the paper accepts", response.content.decode())
        self.assertEqual(KronikaImage.objects.get().file.name, image.file.name)

    def test_a_profile_picture(self):
        response = self.send("/admin/account/", ACCOUNT, "avatar-avatar")
        self.assertEqual(response.status_code, 302)
        self.editor.wagtail_userprofile.refresh_from_db()
        self.assert_stored_harmless(self.editor.wagtail_userprofile.avatar.name)

    def test_a_refused_profile_picture_is_not_kept(self):
        # A bitmap passes Django's own check of the field, which takes whatever Pillow reads.
        bitmap = picture("BMP") + HTML
        response = self.send("/admin/account/", ACCOUNT, "avatar-avatar", "me.bmp", bitmap)
        self.assertEqual(response.status_code, 200)
        self.editor.wagtail_userprofile.refresh_from_db()
        self.assertFalse(self.editor.wagtail_userprofile.avatar)
        # Wagtail's profile picture panel shows no field errors; the form has them.
        form = AvatarForm(
            {}, {"avatar": SimpleUploadedFile("me.bmp", bitmap)}, instance=UserProfile()
        )
        self.assertIn("not a picture in a format the paper accepts", str(form.errors["avatar"]))

    def test_pictures_saved_from_code_such_as_the_demo_paper(self):
        image = _image("Polyglot", POLYGLOT, "../../polyglot.jpg")
        self.assertRegex(image.file.name, r"^original_images/[0-9a-f]{8}-polyglot\.jpg$")
        self.assert_stored_harmless(image.file.name)
        self.assertEqual(image.file_size, (self.media / image.file.name).stat().st_size)

    def test_a_picture_saved_from_code_is_re_encoded_once(self):
        image = KronikaImage(title="Once", file=ImageFile(io.BytesIO(POLYGLOT), name="once.jpg"))
        image.save()
        first = (self.media / image.file.name).read_bytes()
        image.title = "Renamed"
        image.save()
        self.assertEqual((self.media / image.file.name).read_bytes(), first)
