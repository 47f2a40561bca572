import errno
import json
import shutil
import tempfile
from pathlib import Path

from django.test import Client, RequestFactory, SimpleTestCase
from wagtail.models import Collection

from kronika.base.models import KronikaImage
from kronika.base.storage_full import StorageFullMiddleware
from kronika.base.tests.full_disk import files_under, media_on, photo_bytes, upload
from kronika.testing import KronikaTestCase


def never_called(request):
    raise AssertionError("the middleware only handles exceptions here")


class StorageFullMiddlewareTests(SimpleTestCase):
    def handle(self, exception, **headers):
        request = RequestFactory().post("/admin/images/add/", **headers)
        return StorageFullMiddleware(never_called).process_exception(request, exception)

    def test_other_errors_are_left_to_django(self):
        for exception in (
            OSError(errno.EIO, "Input/output error"),
            PermissionError(errno.EACCES, "Permission denied"),
            OSError("no errno at all"),
            ValueError("not a file error"),
        ):
            with self.subTest(exception=exception):
                self.assertIsNone(self.handle(exception))

    def test_a_script_asking_for_json_gets_json(self):
        with self.assertLogs("kronika.base.storage_full"):
            response = self.handle(
                OSError(errno.ENOSPC, "No space left on device"),
                HTTP_ACCEPT="application/json",
            )
        self.assertEqual(response.status_code, 507)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertFalse(json.loads(response.content)["success"])


class OtherStorageErrorTests(KronikaTestCase):
    def test_an_io_error_is_a_500_not_a_507_and_still_leaves_no_partial_file(self):
        media = Path(tempfile.mkdtemp(prefix="kronika-media-"))
        self.addCleanup(shutil.rmtree, media)
        client = Client(raise_request_exception=False)
        client.force_login(self.editor)
        failing = media_on(
            media,
            "kronika.base.tests.full_disk.FullDiskStorage",
            space_left=4096,
            error=errno.EIO,
        )
        with failing:
            response = client.post(
                "/admin/images/add/",
                {
                    "title": "Storm",
                    "file": upload("storm.jpg", photo_bytes()),
                    "collection": Collection.get_first_root_node().pk,
                },
            )
        self.assertEqual(response.status_code, 500)
        self.assertIn("Something went wrong", response.content.decode())
        self.assertEqual(files_under(media), [])
        self.assertFalse(KronikaImage.objects.exists())
