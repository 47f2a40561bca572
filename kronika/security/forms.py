"""The admin's image and document forms, with the upload rules of kronika.security.

Every way a picture or a document is added or replaced in the admin (the add
and edit forms, the multiple upload, the choosers' upload tabs) builds one of
these through WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE,
so a refused file comes back as an error on the file field, never as a 500.
"""

import posixpath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms import FileField
from PIL import Image
from wagtail.admin.forms.account import AvatarPreferencesForm
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from kronika.security.documents import check_document
from kronika.security.uploads import FORMATS, check_picture, reencode_image, safe_file_name


class ImageFileField(WagtailImageField):
    """Wagtail's field, with its checks made on the picture's header alone.

    Wagtail's own reads the size through Willow, which decodes the whole
    picture first: a 1x90,000,000 PNG of a few kilobytes takes 700 MB there,
    and a JPEG signature followed by HTML raises a 500.
    """

    def to_python(self, data):
        file = FileField.to_python(self, data)
        if file is None:
            return None
        format = check_picture(file)
        extension = posixpath.splitext(file.name)[1].lower()[1:]
        if extension not in self.allowed_image_extensions:
            raise ValidationError(
                self.error_messages["invalid_image_extension"], code="invalid_image_extension"
            )
        if FORMATS[format] != ("jpg" if extension == "jpeg" else extension):
            raise ValidationError(
                self.error_messages["invalid_image_known_format"]
                % {"extension": extension, "image_format": format.lower()},
                code="invalid_image_known_format",
            )
        file.content_type = Image.MIME[format]
        return file


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Wagtail builds this field itself (formfield_for_dbfield), with no
            # setting to choose its class; only the class changes, so its
            # label, widget and limits stay as Wagtail made them.
            self.fields["file"].__class__ = ImageFileField

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            return reencode_image(file)
        return file


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            extension = posixpath.splitext(file.name)[1].lstrip(".")
            check_document(file, extension)
            file.name = safe_file_name(file.name, extension.lower())
        return file

    def _post_clean(self):
        # Document.clean() checks only the extension, against the same
        # WAGTAILDOCS_EXTENSIONS, and clean_file has checked it with the
        # content. Left to run, it reports "File extension “” is not allowed"
        # beside the reason a file was refused, and in the multiple upload's
        # second step, whose form has no file field, it raises a 500.
        self.instance.clean = lambda: None
        super()._post_clean()


class AvatarForm(AvatarPreferencesForm):
    """A staff member's profile picture, which Wagtail would otherwise keep as sent when small."""

    def clean_avatar(self):
        file = self.cleaned_data.get("avatar")
        if isinstance(file, UploadedFile):
            self.cleaned_data["avatar"] = reencode_image(file)
        return super().clean_avatar()
