import errno
import shutil
import tempfile
from pathlib import Path

from django.core.files.storage import storages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Collection, UploadedFile

from kronika.base.models import KronikaImage, KronikaRendition
from kronika.base.storage_full import MESSAGE
from kronika.base.tests.full_disk import (
    files_under,
    media_on,
    photo_bytes,
    tiny_tmpfs,
    upload,
)
from kronika.security.uploads import reencode_image
from kronika.testing import KronikaTestCase

FULL_DISK = "kronika.base.tests.full_disk.FullDiskStorage"
WATCHED_TABLES = (
    KronikaImage._meta.db_table,
    KronikaRendition._meta.db_table,
    UploadedFile._meta.db_table,
)


def as_stored(photo: bytes) -> bytes:
    """What is kept of an uploaded photo: it is re-encoded first (kronika.security.uploads)."""
    return reencode_image(upload("storm.jpg", photo)).read()


class FullDiskUploadTestCase(KronikaTestCase):
    def setUp(self):
        self.client.force_login(self.editor)
        self.photo = photo_bytes()

    def add_image(self, title="Storm over the harbour", data=None):
        """The admin's "Add an image" form, as an editor sends it."""
        return self.client.post(
            "/admin/images/add/",
            {
                "title": title,
                "file": upload("storm.jpg", data or self.photo),
                "collection": Collection.get_first_root_node().pk,
                "credit": "A photographer",
            },
        )

    def add_images(self, data=None):
        """The admin's multiple upload, as its script sends each file.

        This view saves outside any transaction of its own, so a failure inside
        it spoils the test case's transaction: what it wrote is judged from the
        statements it sent instead of from the tables afterwards.
        """
        with CaptureQueriesContext(connection) as queries:
            response = self.client.post(
                "/admin/images/multiple/add/",
                {"files[]": upload("storm.jpg", data or self.photo), "title": "Storm"},
                HTTP_X_REQUESTED_WITH="XMLHttpRequest",
            )
        self.writes = [
            query["sql"]
            for query in queries
            if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
            and any(table in query["sql"] for table in WATCHED_TABLES)
        ]
        return response

    def assert_nothing_left(self, media: Path):
        self.assertEqual(files_under(media), [], "no file, whole or partial, may stay behind")
        self.assertFalse(KronikaImage.objects.exists(), "no image row may stay behind")
        self.assertFalse(KronikaRendition.objects.exists())
        self.assertFalse(UploadedFile.objects.exists())

    def assert_nothing_written(self, media: Path):
        self.assertEqual(files_under(media), [], "no file, whole or partial, may stay behind")
        self.assertEqual(self.writes, [], "no image, rendition or upload row may be written")


class StorageThatFillsUpTests(FullDiskUploadTestCase):
    """The disk fills up part-way through the write (an ENOSPC-raising storage)."""

    def setUp(self):
        super().setUp()
        self.media = Path(tempfile.mkdtemp(prefix="kronika-media-"))
        self.addCleanup(shutil.rmtree, self.media)

    def full_disk(self, space_left=64 * 1024, error=errno.ENOSPC):
        return media_on(self.media, FULL_DISK, space_left=space_left, error=error)

    def test_the_add_form_answers_507_with_a_message_in_the_site_design(self):
        with self.full_disk(), self.assertLogs("kronika.base.storage_full", "ERROR") as logs:
            response = self.add_image()
            storage = storages["default"]
        self.assertEqual(response.status_code, 507)
        page = response.content.decode()
        self.assertIn("Storage full", page)
        self.assertIn(escape(MESSAGE), page)
        self.assertIn('class="site-header"', page, "the page should use the site design")
        self.assertNotIn("Traceback", page)
        self.assertIn("No space left on device", logs.output[0])
        self.assertEqual(storage.bytes_on_disk_when_full, 64 * 1024, "part was really written")
        self.assert_nothing_left(self.media)

    def test_the_multiple_upload_answers_507_with_a_json_error(self):
        with self.full_disk(), self.assertLogs("kronika.base.storage_full", "ERROR"):
            response = self.add_images()
        self.assertEqual(response.status_code, 507)
        self.assertEqual(response.json(), {"success": False, "error_message": MESSAGE})
        self.assert_nothing_written(self.media)

    def test_an_exhausted_quota_is_answered_the_same_way(self):
        with self.full_disk(error=errno.EDQUOT), self.assertLogs("kronika.base.storage_full"):
            response = self.add_image()
        self.assertEqual(response.status_code, 507)
        self.assert_nothing_left(self.media)

    def test_the_same_upload_succeeds_once_there_is_room(self):
        with self.full_disk(), self.assertLogs("kronika.base.storage_full"):
            self.assertEqual(self.add_image().status_code, 507)
        with self.full_disk(space_left=10 * len(self.photo)):
            response = self.add_image()
        self.assertEqual(response.status_code, 302, response.content[:500])
        image = KronikaImage.objects.get()
        self.assertEqual(image.credit, "A photographer")
        self.assertEqual(files_under(self.media), [self.media / image.file.name])
        self.assertEqual((self.media / image.file.name).read_bytes(), as_stored(self.photo))

    def test_the_multiple_upload_succeeds_once_there_is_room(self):
        with self.full_disk(space_left=10 * len(self.photo)):
            response = self.add_images()
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.json()["success"])
        self.assertTrue(any("INSERT" in sql for sql in self.writes), "the image row is written")
        image = KronikaImage.objects.get()
        self.assertEqual((self.media / image.file.name).read_bytes(), as_stored(self.photo))


class TinyTmpfsTests(FullDiskUploadTestCase):
    """A real filesystem runs out of space: a 64 KiB tmpfs and a 250 KB photo."""

    def test_a_photo_bigger_than_the_disk_is_refused_and_its_space_given_back(self):
        with tiny_tmpfs(64) as media, media_on(media):
            with self.assertLogs("kronika.base.storage_full"):
                response = self.add_image()
            self.assertEqual(response.status_code, 507)
            self.assertIn(escape(MESSAGE), response.content.decode())
            self.assert_nothing_left(media)
            # Had the partial write stayed, the disk would still be full.
            small = photo_bytes(size=(60, 40))
            self.assertEqual(self.add_image("A small photo", small).status_code, 302)
            image = KronikaImage.objects.get()
            self.assertEqual((media / image.file.name).read_bytes(), as_stored(small))

    def test_the_multiple_upload_answers_507_on_a_real_full_disk(self):
        with tiny_tmpfs(64) as media, media_on(media):
            with self.assertLogs("kronika.base.storage_full"):
                response = self.add_images()
            self.assertEqual(response.status_code, 507)
            self.assertFalse(response.json()["success"])
            self.assert_nothing_written(media)
