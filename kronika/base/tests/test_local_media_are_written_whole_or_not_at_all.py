import errno
import os
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage
from django.test import SimpleTestCase

from kronika.base.storage import AtomicFileSystemStorage
from kronika.base.tests.full_disk import files_under


class BrokenUpload(File):
    """An upload whose connection drops after the first chunk."""

    def __init__(self):
        super().__init__(None, name="broken.jpg")

    def chunks(self, chunk_size=None):
        yield b"x" * 1000
        raise ConnectionResetError("the browser went away")


class AtomicFileSystemStorageTests(SimpleTestCase):
    def setUp(self):
        self.media = Path(tempfile.mkdtemp(prefix="kronika-media-"))
        self.addCleanup(shutil.rmtree, self.media)
        self.storage = AtomicFileSystemStorage(location=self.media, base_url="/media/")

    def test_a_file_is_saved_whole_with_no_temporary_file_left(self):
        data = os.urandom(300_000)
        name = self.storage.save("original_images/photo.jpg", ContentFile(data))
        self.assertEqual(name, "original_images/photo.jpg")
        self.assertEqual(files_under(self.media), [self.media / name])
        self.assertEqual((self.media / name).read_bytes(), data)
        self.assertEqual(self.storage.url(name), "/media/original_images/photo.jpg")

    def test_text_is_saved_as_utf8(self):
        name = self.storage.save("notes.txt", ContentFile("Vilnius, Rīga"))
        self.assertEqual((self.media / name).read_text(encoding="utf-8"), "Vilnius, Rīga")

    def test_files_get_the_same_permissions_as_with_djangos_own_storage(self):
        plain = FileSystemStorage(location=self.media / "plain")
        ours = self.storage.save("a/photo.jpg", ContentFile(b"1"))
        theirs = plain.save("a/photo.jpg", ContentFile(b"1"))
        self.assertEqual(
            os.stat(self.media / ours).st_mode, os.stat(self.media / "plain" / theirs).st_mode
        )

    def test_a_failed_write_leaves_nothing_and_raises(self):
        with self.assertRaises(ConnectionResetError):
            self.storage.save("original_images/broken.jpg", BrokenUpload())
        self.assertEqual(files_under(self.media), [])

    def test_a_name_taken_while_writing_is_not_overwritten(self):
        self.storage.save("photo.jpg", ContentFile(b"first"))
        # Storage.save chose the name before the other upload took it: _save must notice.
        name = self.storage._save("photo.jpg", ContentFile(b"second"))
        self.assertNotEqual(name, "photo.jpg")
        self.assertEqual((self.media / "photo.jpg").read_bytes(), b"first")
        self.assertEqual((self.media / name).read_bytes(), b"second")
        self.assertEqual(len(files_under(self.media)), 2)

    def test_overwriting_replaces_only_when_allowed(self):
        storage = AtomicFileSystemStorage(location=self.media, allow_overwrite=True)
        storage.save("photo.jpg", ContentFile(b"first"))
        self.assertEqual(storage.save("photo.jpg", ContentFile(b"second")), "photo.jpg")
        self.assertEqual(files_under(self.media), [self.media / "photo.jpg"])
        self.assertEqual((self.media / "photo.jpg").read_bytes(), b"second")

    def test_a_filesystem_without_hard_links_still_gets_whole_files(self):
        no_links = OSError(errno.EPERM, "Operation not permitted")
        with mock.patch("kronika.base.storage.os.link", side_effect=no_links):
            self.storage.save("photo.jpg", ContentFile(b"first"))
            name = self.storage._save("photo.jpg", ContentFile(b"second"))
        self.assertNotEqual(name, "photo.jpg")
        self.assertEqual((self.media / "photo.jpg").read_bytes(), b"first")
        self.assertEqual((self.media / name).read_bytes(), b"second")
        self.assertEqual(len(files_under(self.media)), 2)
