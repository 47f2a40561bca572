import os
from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase
from storages.backends.s3 import S3Storage

from kronika.media_storage import media_s3_credentials, media_storage
from kronika.testing_over_http import run_kronika

SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def environment(**variables):
    """The process environment with only the given media variables set."""
    kept = {key: value for key, value in os.environ.items() if not key.startswith("KRONIKA_MEDIA")}
    return mock.patch.dict(os.environ, {**kept, **variables}, clear=True)


def storage_for(**variables):
    with environment(**variables):
        return media_storage()


def s3_url(name: str, **variables) -> str:
    """The address django-storages gives `name` with these settings, computed without a network."""
    options = storage_for(**variables)["OPTIONS"]
    return S3Storage(access_key="key", secret_key="secret", **options).url(name)


class LocalDiskTests(SimpleTestCase):
    def test_without_a_bucket_media_stay_on_local_disk_written_atomically(self):
        self.assertEqual(
            storage_for(),
            {"BACKEND": "kronika.base.storage.AtomicFileSystemStorage", "OPTIONS": {}},
        )
        with environment():
            self.assertEqual(media_s3_credentials(), (None, None))

    def test_a_cdn_in_front_of_local_media_gives_their_addresses(self):
        storage = storage_for(KRONIKA_MEDIA_URL="https://cdn.example.com/media")
        self.assertEqual(storage["OPTIONS"], {"base_url": "https://cdn.example.com/media/"})


class S3Tests(SimpleTestCase):
    def test_a_bucket_puts_media_in_s3_with_safe_defaults(self):
        storage = storage_for(KRONIKA_MEDIA_S3_BUCKET="kronika-media")
        self.assertEqual(storage["BACKEND"], "kronika.base.bucket_storage.BucketStorage")
        options = storage["OPTIONS"]
        self.assertEqual(options["bucket_name"], "kronika-media")
        self.assertIs(options["file_overwrite"], False)
        self.assertIs(options["querystring_auth"], False)
        self.assertIsNone(options["default_acl"])
        self.assertIsNone(options["endpoint_url"])
        self.assertNotIn("access_key", options)
        self.assertNotIn("secret_key", options)

    def test_objects_are_addressed_where_readers_can_fetch_them(self):
        cases = {
            "AWS, any region": (
                {"KRONIKA_MEDIA_S3_BUCKET": "paper"},
                "https://paper.s3.amazonaws.com/images/a.jpg",
            ),
            "AWS, one region": (
                {"KRONIKA_MEDIA_S3_BUCKET": "paper", "KRONIKA_MEDIA_S3_REGION": "eu-north-1"},
                "https://paper.s3.eu-north-1.amazonaws.com/images/a.jpg",
            ),
            "AWS, a dotted bucket name": (
                {
                    "KRONIKA_MEDIA_S3_BUCKET": "media.paper.lt",
                    "KRONIKA_MEDIA_S3_REGION": "eu-north-1",
                },
                "https://s3.eu-north-1.amazonaws.com/media.paper.lt/images/a.jpg",
            ),
            "MinIO, path style, with a prefix": (
                {
                    "KRONIKA_MEDIA_S3_BUCKET": "paper",
                    "KRONIKA_MEDIA_S3_ENDPOINT_URL": "http://minio.internal:9000/",
                    "KRONIKA_MEDIA_S3_PREFIX": "/media/",
                },
                "http://minio.internal:9000/paper/media/images/a.jpg",
            ),
            "an S3-compatible server with bucket subdomains": (
                {
                    "KRONIKA_MEDIA_S3_BUCKET": "paper",
                    "KRONIKA_MEDIA_S3_ENDPOINT_URL": "https://s3.example.net",
                    "KRONIKA_MEDIA_S3_ADDRESSING_STYLE": "virtual",
                },
                "https://paper.s3.example.net/images/a.jpg",
            ),
            "a CDN or custom domain": (
                {
                    "KRONIKA_MEDIA_S3_BUCKET": "paper",
                    "KRONIKA_MEDIA_S3_PREFIX": "media",
                    "KRONIKA_MEDIA_URL": "https://media.paper.lt/",
                },
                "https://media.paper.lt/media/images/a.jpg",
            ),
        }
        for case, (variables, expected) in cases.items():
            with self.subTest(case):
                self.assertEqual(s3_url("images/a.jpg", **variables), expected)

    def test_path_style_is_the_default_for_s3_compatible_servers(self):
        options = storage_for(
            KRONIKA_MEDIA_S3_BUCKET="paper", KRONIKA_MEDIA_S3_ENDPOINT_URL="http://127.0.0.1:9000"
        )["OPTIONS"]
        self.assertEqual(options["addressing_style"], "path")
        self.assertEqual(options["endpoint_url"], "http://127.0.0.1:9000")

    def test_an_access_key_pair_becomes_settings_not_storage_options(self):
        with environment(
            KRONIKA_MEDIA_S3_BUCKET="paper",
            KRONIKA_MEDIA_S3_ACCESS_KEY_ID="AKIDEXAMPLE",
            KRONIKA_MEDIA_S3_SECRET_ACCESS_KEY=SECRET,
        ):
            self.assertEqual(media_s3_credentials(), ("AKIDEXAMPLE", SECRET))
            self.assertNotIn(SECRET, repr(media_storage()))


class HalfConfigurationTests(SimpleTestCase):
    def test_half_a_configuration_is_refused_with_what_is_missing(self):
        cases = {
            "an endpoint without a bucket": (
                {"KRONIKA_MEDIA_S3_ENDPOINT_URL": "http://127.0.0.1:9000"},
                "KRONIKA_MEDIA_S3_BUCKET",
            ),
            "a region without a bucket": (
                {"KRONIKA_MEDIA_S3_REGION": "eu-north-1"},
                "KRONIKA_MEDIA_S3_BUCKET",
            ),
            "an endpoint that is not an address": (
                {
                    "KRONIKA_MEDIA_S3_BUCKET": "paper",
                    "KRONIKA_MEDIA_S3_ENDPOINT_URL": "minio:9000",
                },
                "KRONIKA_MEDIA_S3_ENDPOINT_URL",
            ),
            "a media path for a bucket": (
                {"KRONIKA_MEDIA_S3_BUCKET": "paper", "KRONIKA_MEDIA_URL": "/media/"},
                "KRONIKA_MEDIA_URL",
            ),
            "an unknown addressing style": (
                {"KRONIKA_MEDIA_S3_BUCKET": "paper", "KRONIKA_MEDIA_S3_ADDRESSING_STYLE": "dns"},
                "KRONIKA_MEDIA_S3_ADDRESSING_STYLE",
            ),
        }
        for case, (variables, named) in cases.items():
            with self.subTest(case), self.assertRaisesMessage(ImproperlyConfigured, named):
                storage_for(**variables)

    def test_one_key_of_a_pair_is_refused_without_showing_it(self):
        for variables, missing in (
            ({"KRONIKA_MEDIA_S3_SECRET_ACCESS_KEY": SECRET}, "KRONIKA_MEDIA_S3_ACCESS_KEY_ID"),
            ({"KRONIKA_MEDIA_S3_ACCESS_KEY_ID": "AKIDEXAMPLE"}, "KRONIKA_MEDIA_S3_SECRET"),
        ):
            with self.subTest(missing), environment(KRONIKA_MEDIA_S3_BUCKET="p", **variables):
                with self.assertRaisesMessage(ImproperlyConfigured, missing) as refused:
                    media_s3_credentials()
                self.assertNotIn(SECRET, str(refused.exception))

    def test_credentials_in_an_endpoint_address_are_refused_without_showing_them(self):
        endpoint = f"https://AKIDEXAMPLE:{SECRET}@s3.example.net"
        with self.assertRaises(ImproperlyConfigured) as refused:
            storage_for(KRONIKA_MEDIA_S3_BUCKET="paper", KRONIKA_MEDIA_S3_ENDPOINT_URL=endpoint)
        self.assertNotIn(SECRET, str(refused.exception))


class CommandLineTests(SimpleTestCase):
    """The settings as `kronika` loads them, in a process of their own."""

    def test_an_endpoint_without_a_bucket_stops_the_command_with_one_line(self):
        result = run_kronika("check", KRONIKA_MEDIA_S3_ENDPOINT_URL="http://127.0.0.1:9000")
        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
        self.assertIn("KRONIKA_MEDIA_S3_BUCKET", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_a_bucket_makes_s3_the_media_storage_with_the_keys_out_of_its_options(self):
        show = (
            "from django.core.files.storage import storages; s = storages['default']; "
            "print(type(s).__name__, s.bucket_name, s.access_key, s.deconstruct())"
        )
        result = run_kronika(
            "shell",
            "--no-imports",
            "-c",
            show,
            KRONIKA_MEDIA_S3_BUCKET="paper",
            KRONIKA_MEDIA_S3_ACCESS_KEY_ID="AKIDEXAMPLE",
            KRONIKA_MEDIA_S3_SECRET_ACCESS_KEY=SECRET,
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(
            result.stdout.startswith("BucketStorage paper AKIDEXAMPLE "), result.stdout
        )
        self.assertNotIn(SECRET, result.stdout + result.stderr)
