"""In a bucket, readers may fetch pictures, renditions and avatars, and nothing
else: the bucket policy docs/storage.md gives lets only those folders through,
and KRONIKA_MEDIA_S3_ACL makes nothing else public. moto's S3 server on loopback
stands in for the bucket, and a plain HTTP request without credentials for the reader.
"""

import json
import os
import posixpath
import urllib.error
import urllib.request
from unittest import mock

from django.core.files.base import ContentFile
from django.test import SimpleTestCase, TestCase
from django.utils.module_loading import import_string
from wagtail.documents import get_document_model
from wagtail.models import UploadedFile
from wagtail.users.models import upload_avatar_to

from kronika.base.media_files import PRIVATE_FOLDERS, PUBLIC_FOLDERS
from kronika.base.models import KronikaImage, KronikaRendition
from kronika.base.tests.s3_bucket import (
    DOCUMENTED_BUCKET,
    KEY_ID,
    SECRET,
    documented_read_policy,
    new_bucket,
    start_s3_server,
)
from kronika.media_storage import media_storage


def folder(name: str) -> str:
    return name.split("/", 1)[0]


class DocumentedPolicyTests(TestCase):
    def test_the_public_folders_are_where_pictures_renditions_and_avatars_are_stored(self):
        stored_in = {
            folder(KronikaImage().get_upload_to("harbour.jpg")),
            folder(KronikaRendition().get_upload_to("harbour.2e16d0ba.fill-480x270.jpg")),
            folder(upload_avatar_to(None, "face.jpg")),
        }
        self.assertEqual(stored_in, set(PUBLIC_FOLDERS))
        private = {
            get_document_model()._meta.get_field("file").upload_to,
            UploadedFile._meta.get_field("file").upload_to,
        }
        self.assertEqual(private, PRIVATE_FOLDERS)
        self.assertFalse(private & set(PUBLIC_FOLDERS))

    def test_the_documented_policy_grants_anyone_only_reading_the_public_folders(self):
        statements = documented_read_policy()["Statement"]
        public = [statement for statement in statements if statement.get("Principal") == "*"]
        self.assertEqual(len(public), 1, public)
        [statement] = public
        self.assertEqual(statement["Effect"], "Allow")
        self.assertEqual(statement["Action"], "s3:GetObject")
        self.assertNotIn("Condition", statement)
        resources = statement["Resource"]
        self.assertEqual(
            sorted([resources] if isinstance(resources, str) else resources),
            sorted(f"arn:aws:s3:::{DOCUMENTED_BUCKET}/{name}/*" for name in PUBLIC_FOLDERS),
        )


class BucketReadingTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        server, cls.endpoint = start_s3_server()
        cls.addClassCleanup(server.stop)

    def setUp(self):
        self.s3, self.bucket = new_bucket(self.endpoint)
        # One object in each folder Kronika writes to, written as Kronika writes them.
        self.names = [
            posixpath.join(name, "harbour.jpg") for name in (*PUBLIC_FOLDERS, *PRIVATE_FOLDERS)
        ]

    def anonymous_status(self, key: str) -> int:
        """What a reader's browser gets for the object: no credentials, no signature."""
        address = f"{self.endpoint}/{self.bucket}/{key}"
        try:
            with urllib.request.urlopen(address, timeout=10) as response:  # noqa: S310 - loopback
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def readable(self, prefix: str = "") -> dict[str, bool]:
        return {name: self.anonymous_status(prefix + name) == 200 for name in self.names}

    def expected(self) -> dict[str, bool]:
        return {name: folder(name) in PUBLIC_FOLDERS for name in self.names}

    def test_the_documented_policy_lets_readers_fetch_pictures_and_nothing_else(self):
        policy = json.dumps(documented_read_policy(self.bucket))
        self.s3.put_bucket_policy(Bucket=self.bucket, Policy=policy)
        for name in self.names:
            self.s3.put_object(Bucket=self.bucket, Key=name, Body=b"bytes")
        self.assertEqual(self.readable(), self.expected())

    def bucket_storage(self, **variables):
        environment = {
            "KRONIKA_MEDIA_S3_BUCKET": self.bucket,
            "KRONIKA_MEDIA_S3_ENDPOINT_URL": self.endpoint,
            "KRONIKA_MEDIA_S3_REGION": "us-east-1",
            **variables,
        }
        with mock.patch.dict(os.environ, environment):
            settings = media_storage()
        storage = import_string(settings["BACKEND"])
        return storage(access_key=KEY_ID, secret_key=SECRET, **settings["OPTIONS"])

    def test_a_public_acl_goes_only_on_pictures_renditions_and_avatars(self):
        storage = self.bucket_storage(KRONIKA_MEDIA_S3_ACL="public-read")
        for name in self.names:
            self.assertEqual(storage.save(name, ContentFile(b"bytes")), name)
        self.assertEqual(self.readable(), self.expected())

    def test_a_public_acl_under_a_prefix_goes_only_on_pictures_too(self):
        storage = self.bucket_storage(
            KRONIKA_MEDIA_S3_ACL="public-read", KRONIKA_MEDIA_S3_PREFIX="media"
        )
        for name in self.names:
            storage.save(name, ContentFile(b"bytes"))
        self.assertEqual(self.readable(prefix="media/"), self.expected())

    def test_without_an_acl_setting_no_object_is_public(self):
        storage = self.bucket_storage()
        for name in self.names:
            storage.save(name, ContentFile(b"bytes"))
        self.assertEqual(self.readable(), dict.fromkeys(self.names, False))
