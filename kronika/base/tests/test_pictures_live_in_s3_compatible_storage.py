"""Media in an S3-compatible bucket: moto's S3 server on loopback stands in for MinIO or AWS
(kronika.base.tests.s3_bucket)."""

import io
import json
import os
import re
import shutil
import tempfile
import urllib.request
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.cache import caches
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from PIL import Image
from wagtail.models import Collection

from kronika.base.models import KronikaImage
from kronika.base.tests.full_disk import files_under, photo_bytes, upload
from kronika.base.tests.s3_bucket import (
    KEY_ID,
    SECRET,
    documented_read_policy,
    new_bucket,
    start_s3_server,
)
from kronika.media_storage import OBJECT_CACHE_CONTROL, media_s3_credentials, media_storage
from kronika.security.uploads import reencode_image
from kronika.testing import KronikaTestCase, publish_article


class S3MediaTests(KronikaTestCase):
    @classmethod
    def setUpClass(cls):
        cls.s3_server, cls.endpoint = start_s3_server()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.s3_server.stop()

    def setUp(self):
        self.s3, self.bucket = new_bucket(self.endpoint)
        # What docs/storage.md tells operators to set so readers' browsers may fetch the pictures.
        policy = json.dumps(documented_read_policy(self.bucket))
        self.s3.put_bucket_policy(Bucket=self.bucket, Policy=policy)
        self.local_media = Path(tempfile.mkdtemp(prefix="kronika-media-"))
        self.addCleanup(shutil.rmtree, self.local_media)
        self.use_media_settings()
        # Renditions are remembered per image id, and ids come round again between tests.
        caches["renditions"].clear()
        self.client.force_login(self.editor)
        self.photo = photo_bytes(size=(800, 600))

    def use_media_settings(self, **variables):
        """The settings `kronika` would build from these environment variables."""
        environment = {
            "KRONIKA_MEDIA_S3_BUCKET": self.bucket,
            "KRONIKA_MEDIA_S3_ENDPOINT_URL": self.endpoint,
            "KRONIKA_MEDIA_S3_REGION": "us-east-1",
            "KRONIKA_MEDIA_S3_ACCESS_KEY_ID": KEY_ID,
            "KRONIKA_MEDIA_S3_SECRET_ACCESS_KEY": SECRET,
            **variables,
        }
        with mock.patch.dict(os.environ, environment):
            key_id, secret = media_s3_credentials()
            storage = media_storage()
        self.enterContext(
            override_settings(
                MEDIA_ROOT=self.local_media,
                STORAGES={**settings.STORAGES, "default": storage},
                AWS_S3_ACCESS_KEY_ID=key_id,
                AWS_S3_SECRET_ACCESS_KEY=secret,
            )
        )

    def upload_photo(self) -> KronikaImage:
        response = self.client.post(
            "/admin/images/add/",
            {
                "title": "Harbour at dawn",
                "file": upload("harbour.jpg", self.photo),
                "collection": Collection.get_first_root_node().pk,
                "credit": "A photographer",
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:500])
        return KronikaImage.objects.get()

    def object_bytes(self, key: str) -> bytes:
        return self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()

    def keys(self) -> list[str]:
        listing = self.s3.list_objects_v2(Bucket=self.bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def test_an_uploaded_picture_lands_in_the_bucket_with_its_bytes(self):
        image = self.upload_photo()
        self.assertEqual(self.keys(), [image.file.name])
        stored = self.s3.get_object(Bucket=self.bucket, Key=image.file.name)
        # Pictures are re-encoded on upload (kronika.security.uploads).
        self.assertEqual(stored["Body"].read(), reencode_image(upload("h.jpg", self.photo)).read())
        self.assertEqual(stored["ContentType"], "image/jpeg")
        self.assertEqual(stored["CacheControl"], OBJECT_CACHE_CONTROL)
        self.assertEqual((image.width, image.height), (800, 600))
        self.assertEqual(files_under(self.local_media), [], "nothing is kept on local disk")

    def test_the_secret_key_is_in_no_log_line_even_at_debug_level(self):
        with self.assertLogs(level="DEBUG") as logs:
            self.upload_photo().get_rendition("width-200")
        self.assertTrue(any("botocore" in line for line in logs.output), "boto3 was heard")
        self.assertNotIn(SECRET, "\n".join(logs.output))

    def test_renditions_are_made_from_the_bucket_and_stored_in_it(self):
        image = self.upload_photo()
        rendition = image.get_rendition("fill-480x270|format-webp")
        self.assertIn(rendition.file.name, self.keys())
        picture = Image.open(io.BytesIO(self.object_bytes(rendition.file.name)))
        self.assertEqual((picture.format, picture.size), ("WEBP", (480, 270)))
        # Using it again finds it made, without reading the original from the bucket.
        with mock.patch.object(type(image.file.storage._wrapped), "open") as bucket_read:
            again = KronikaImage.objects.get(pk=image.pk).get_rendition("fill-480x270|format-webp")
        bucket_read.assert_not_called()
        self.assertEqual(again.file.name, rendition.file.name)

    def test_the_article_page_shows_the_picture_from_the_bucket(self):
        image = self.upload_photo()
        article = publish_article(self.news, "Storm reaches the harbour", hero_image=image)
        self.client.logout()
        page = self.client.get(article.url).content.decode()
        bucket_address = f"{self.endpoint}/{self.bucket}/"
        addresses = set(re.findall(re.escape(bucket_address) + r"images/[^\s\"]+", page))
        for width in ("fill-480x270", "fill-800x450", "fill-1200x675"):
            self.assertTrue(any(f".{width}.format-webp" in a for a in addresses), width)
        self.assertNotIn("/media/", page, "no picture is addressed on local disk")
        for address in addresses:
            key = address.removeprefix(bucket_address)
            with urllib.request.urlopen(address, timeout=10) as response:  # noqa: S310 - loopback
                self.assertEqual(response.read(), self.object_bytes(key), "readers can fetch it")

    def test_a_custom_domain_gives_the_pictures_its_addresses(self):
        self.use_media_settings(KRONIKA_MEDIA_URL="https://media.paper.test/")
        image = self.upload_photo()
        article = publish_article(self.news, "Storm reaches the harbour", hero_image=image)
        self.client.logout()
        page = self.client.get(article.url).content.decode()
        self.assertIn('src="https://media.paper.test/images/', page)
        self.assertNotIn(self.endpoint, page)

    def test_deleting_the_picture_removes_it_and_its_renditions_from_the_bucket(self):
        image = self.upload_photo()
        image.get_rendition("fill-480x270|format-webp")
        image.get_rendition("width-200")
        self.assertEqual(len(self.keys()), 3)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/admin/images/{image.pk}/delete/")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(KronikaImage.objects.exists())
        self.assertEqual(self.keys(), [])

    @override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
    def test_the_queued_deletions_carry_no_credentials_yet_delete_the_objects(self):
        image = self.upload_photo()
        image.get_rendition("width-200")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"/admin/images/{image.pk}/delete/")
        queued = DBTaskResult.objects.filter(
            task_path="wagtail.tasks.delete_file_from_storage_task"
        )
        self.assertEqual(len(queued), 2, "one deletion for the picture, one for its rendition")
        self.assertNotIn(SECRET, json.dumps([task.args_kwargs for task in queued]))
        self.assertEqual(len(self.keys()), 2, "nothing is deleted before the worker runs")
        # As the worker runs them; the worker itself would close the test's connection.
        for task in queued:
            task.task.call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
        self.assertEqual(self.keys(), [])
