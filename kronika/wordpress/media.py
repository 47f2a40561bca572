"""WordPress attachments, found by file name under --media-dir, as Wagtail images and documents.

There is no network at import time: a file that is not on disk is reported
and the import goes on. Files are imported when first needed (a post's
featured image or an image in its content) or when their own item comes, so
the order of the export does not matter.
"""

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model

from kronika.base.models import KronikaImage
from kronika.security.documents import accepted_extensions, check_document
from kronika.security.uploads import check_upload_size
from kronika.wordpress.models import ImportedItem

IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "avif"}
# WordPress writes smaller copies as name-300x200.jpg, and keeps name-scaled.jpg
# or name-rotated.jpg for big or turned originals; all of them are one picture.
SIZED_COPY = re.compile(r"-(?:\d{1,5}x\d{1,5}|scaled|rotated|e\d{10,13})(?=\.[A-Za-z0-9]{1,5}$)")


@dataclass
class Attachment:
    post_id: int
    title: str
    url: str
    path: str  # the file's path under the uploads folder, such as 2017/05/x.jpg
    alt: str = ""
    caption: str = ""


def upload_path(url: str) -> str:
    """The part of an upload's URL after /uploads/, or its file name."""
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return ""
    _, marker, rest = path.rpartition("/uploads/")
    return rest if marker else posixpath.basename(path)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def original_name(path: str) -> str:
    """The file name of the original a sized copy was made from."""
    return SIZED_COPY.sub("", posixpath.basename(path)).lower()


class Media:
    """Attachments of one export, imported on demand; implements content.Media."""

    def __init__(self, importer, attachments: dict[int, Attachment], media_dir: Path | None):
        self.importer = importer
        self.attachments = attachments
        self.media_dir = media_dir
        self.by_name: dict[str, int] = {}
        for attachment in attachments.values():
            self.by_name.setdefault(original_name(attachment.path), attachment.post_id)
        self._files: dict[str, Path] | None = None
        # (model, id) of each attachment handled, never the object: there may be tens of thousands.
        self._done: dict[int, tuple[type, int] | None] = {}
        self.written: list[tuple[object, str]] = []  # (storage, name) of every file stored

    # content.Media ---------------------------------------------------------------

    def image(self, ref):
        post_id = ref if isinstance(ref, int) else self._attachment_for_url(ref)
        if post_id is None:
            return None
        found = self.get(post_id)
        return found if isinstance(found, KronikaImage) else None

    def link(self, url: str) -> str:
        post_id = self._attachment_for_url(url)
        # A file of the same name on another site is not this attachment.
        if post_id is not None and _host(url) == _host(self.attachments[post_id].url):
            found = self.get(post_id)
            if found is not None:
                return found.file.url if isinstance(found, KronikaImage) else found.url
        return self.importer.local_address(url)

    # ----------------------------------------------------------------------------

    def _attachment_for_url(self, url: str) -> int | None:
        if not isinstance(url, str) or not url:
            return None
        return self.by_name.get(original_name(upload_path(url)))

    def get(self, post_id: int):
        """The image or document attachment `post_id` became, importing it if need be."""
        if post_id not in self._done:
            attachment = self.attachments.get(post_id)
            made = self._import(attachment) if attachment else None
            self._done[post_id] = (type(made), made.pk) if made is not None else None
            return made
        if self._done[post_id] is None:
            return None
        model, pk = self._done[post_id]
        return model.objects.filter(pk=pk).first()

    def _file_for(self, attachment: Attachment) -> Path | None:
        if self.media_dir is None:
            return None
        direct = (self.media_dir / attachment.path).resolve()
        if direct.is_relative_to(self.media_dir) and direct.is_file():
            return direct
        if self._files is None:
            self._files = {}
            for folder, _, names in os.walk(self.media_dir):
                for name in names:
                    self._files.setdefault(name.lower(), Path(folder) / name)
        return self._files.get(posixpath.basename(attachment.path).lower())

    def _import(self, attachment: Attachment):
        existing = self.importer.existing(ImportedItem.Kind.ATTACHMENT, attachment.post_id)
        if existing is not None:
            self.importer.report.count("attachment", "unchanged")
            return existing
        report = self.importer.report
        path = self._file_for(attachment)
        if path is None:
            report.skip(
                "attachment",
                attachment.post_id,
                attachment.title,
                f"file not found under the media folder: {attachment.path}",
            )
            return None
        extension = path.suffix.lower().lstrip(".")
        try:
            with path.open("rb") as file:
                if extension in IMAGE_EXTENSIONS:
                    made = self._image(attachment, file, path.name)
                elif extension in accepted_extensions():
                    made = self._document(attachment, file, path.name, extension)
                else:
                    report.skip(
                        "attachment",
                        attachment.post_id,
                        attachment.title,
                        f"a .{extension} file is neither a picture nor a document Kronika keeps",
                    )
                    return None
        except ValidationError as error:
            report.skip(
                "attachment", attachment.post_id, attachment.title, " ".join(error.messages)
            )
            return None
        self.written.append((made.file.storage, made.file.name))
        self.importer.remember(
            ImportedItem.Kind.ATTACHMENT, attachment.post_id, made, guid=attachment.url
        )
        report.count("attachment", "imported")
        return made

    def _image(self, attachment: Attachment, file, name: str) -> KronikaImage:
        check_upload_size(path_size(file), settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
        image = KronikaImage(
            title=(attachment.title or name)[:255],
            description=(attachment.alt or attachment.caption)[:255],
            file=ImageFile(file, name=name),
        )
        image.save()
        return image

    def _document(self, attachment: Attachment, file, name: str, extension: str):
        check_upload_size(path_size(file), settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
        upload = File(file, name=name)
        check_document(upload, extension)
        upload.seek(0)
        document = get_document_model()(title=(attachment.title or name)[:255], file=upload)
        document.save()
        return document

    def discard_written(self) -> None:
        """Delete the files stored by an import that was rolled back."""
        for storage, name in self.written:
            storage.delete(name)
        self.written.clear()


def path_size(file) -> int:
    return os.fstat(file.fileno()).st_size
