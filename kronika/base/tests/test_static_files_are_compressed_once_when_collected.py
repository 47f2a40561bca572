"""Static files are compressed when they are collected, never while they are served:
a stylesheet gets .br and .gz copies beside its hashed name, made once, and the
WSGI layer sends the copy the client's Accept-Encoding prefers, with every
security header the app's own responses carry.
"""

import tempfile
from pathlib import Path

from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import RequestFactory, override_settings

from kronika.base.static_storage import HASHED_NAME
from kronika.static_files import with_static_files
from kronika.testing import KronikaTestCase, decoded

OWN_STATIC = Path(__file__).resolve().parents[1] / "static"
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "X-Frame-Options",
    "Permissions-Policy",
)


def not_static(environ, start_response):
    start_response("404 Not Found", [])
    return [b"not a static file"]


class StaticFilesTests(KronikaTestCase):
    def setUp(self):
        root = tempfile.TemporaryDirectory(prefix="kronika-static-")
        self.addCleanup(root.cleanup)
        self.root = Path(root.name)
        settings = override_settings(
            STATIC_ROOT=self.root,
            STATICFILES_DIRS=[OWN_STATIC],
            STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
            STORAGES={
                "default": {"BACKEND": "kronika.base.storage.AtomicFileSystemStorage"},
                "staticfiles": {
                    "BACKEND": "kronika.base.static_storage.CompressedStaticFilesStorage"
                },
            },
        )
        settings.enable()
        self.addCleanup(settings.disable)
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stylesheet = staticfiles_storage.url("kronika/kronika.css")
        self.application = with_static_files(not_static)

    def get(self, url: str, **headers):
        environ = RequestFactory().get(url, headers=headers).environ
        answer = {}

        def start_response(status, headers):
            answer.update(status=status, headers=dict(headers))

        body = b"".join(self.application(environ, start_response))
        return answer["status"], answer["headers"], body

    def test_each_text_file_gets_compressed_copies_once(self):
        stylesheet = self.root / self.stylesheet.removeprefix("/static/")
        self.assertRegex(stylesheet.name, HASHED_NAME)
        copies = [Path(f"{stylesheet}.br"), Path(f"{stylesheet}.gz")]
        made = [copy.stat().st_mtime_ns for copy in copies]
        call_command("collectstatic", interactive=False, verbosity=0)
        self.assertEqual([copy.stat().st_mtime_ns for copy in copies], made)

    def test_the_stylesheet_goes_out_in_the_preferred_coding_with_the_same_content(self):
        # As collected: the manifest storage rewrites its url()s to hashed names.
        original = (self.root / self.stylesheet.removeprefix("/static/")).read_bytes()
        for header, coding in (("", None), ("gzip", "gzip"), ("gzip, deflate, br", "br")):
            with self.subTest(accept_encoding=header):
                status, headers, body = self.get(self.stylesheet, **{"Accept-Encoding": header})
                self.assertEqual(status, "200 OK")
                self.assertEqual(headers.get("Content-Encoding"), coding)
                self.assertEqual(headers["Vary"], "Accept-Encoding")
                self.assertIn("immutable", headers["Cache-Control"])
                self.assertEqual(decoded(body, coding), original)
                if coding:
                    self.assertLess(len(body), len(original) / 2)

    def test_fonts_go_out_as_woff2_for_good_under_the_names_the_stylesheet_gives(self):
        font = staticfiles_storage.url("kronika/fonts/literata-latin-400-normal.woff2")
        self.assertRegex(font, HASHED_NAME)
        stylesheet = (self.root / self.stylesheet.removeprefix("/static/")).read_text()
        self.assertIn(f'url("{font.removeprefix("/static/kronika/")}")', stylesheet)
        status, headers, body = self.get(font, **{"Accept-Encoding": "gzip, deflate, br"})
        self.assertEqual(status, "200 OK")
        self.assertEqual(headers["Content-Type"], "font/woff2")
        self.assertIn("immutable", headers["Cache-Control"])
        # woff2 is compressed inside already: it goes out as it is.
        self.assertIsNone(headers.get("Content-Encoding"))
        self.assertEqual(body[:4], b"wOF2")

    def test_static_files_carry_the_security_headers_of_the_apps_pages(self):
        page = self.client.get("/")
        _, headers, _ = self.get(self.stylesheet, **{"Accept-Encoding": "br"})
        for name in SECURITY_HEADERS:
            with self.subTest(header=name):
                self.assertEqual(headers.get(name), page[name])

    def test_any_other_address_goes_on_to_the_application(self):
        status, _, body = self.get("/news/")
        self.assertEqual((status, body), ("404 Not Found", b"not a static file"))
