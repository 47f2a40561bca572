"""The security headers on 20 representative URLs of a real `kronika serve` with
production settings, each fetched twice: the second time reader pages come from
the page cache, which answers without running Django's middleware.

TLS ends at a proxy in production, so requests say X-Forwarded-Proto: https.
"""

import tempfile
import unittest
from pathlib import Path
from urllib.parse import urlencode

from kronika.base.tests.services import AppServer
from kronika.security.tests.http_headers import (
    Answer,
    cookie_header,
    cookie_jar,
    cookie_problems,
    fetch,
    header_problems,
    production_paper,
    sign_in,
    stylesheet_path,
)

HTTPS = {"X-Forwarded-Proto": "https"}


class SecurityHeadersTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.data_dir = tempfile.TemporaryDirectory(prefix="kronika-headers-")
        data = Path(cls.data_dir.name)
        cls.env, cls.paper, cls.password = production_paper(data)
        cls.server = AppServer(cls.env, data / "serve.log").start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.data_dir.cleanup()
        super().tearDownClass()

    def fetch(self, path, method="GET", body=None, headers=None) -> Answer:
        return fetch(self.server.port, path, method, body, {**HTTPS, **(headers or {})})

    def sign_in(self) -> str:
        """The admin's session and CSRF cookies, as a Cookie header."""
        answer, jar = sign_in(
            self.server.port, self.password, f"https://127.0.0.1:{self.server.port}", HTTPS
        )
        self.assertEqual(answer.status, 302, answer.body[-2000:])
        self.assertIn("__Host-sessionid", jar, answer.cookies())
        return cookie_header(jar)

    def representative_urls(self) -> list[tuple[str, str, bool]]:
        """(what, path, signed in) for the 20 URLs."""
        paper = self.paper
        return [
            ("the home page", "/", False),
            ("a section", paper["section"], False),
            ("an article", paper["article"], False),
            ("a tag page", paper["tag"], False),
            ("an author page", paper["author"], False),
            ("the RSS feed", "/feeds/rss/", False),
            ("the Atom feed", "/feeds/atom/", False),
            ("the JSON feed", "/feeds/feed.json", False),
            ("the sitemap index", "/sitemap.xml", False),
            ("robots.txt", "/robots.txt", False),
            ("a search", "/search/?q=vaccination", False),
            ("a picture (rendition)", paper["picture"], False),
            ("a document", paper["document"], False),
            ("the readiness API", "/readyz", False),
            ("a missing page", "/no/such/page/", False),
            ("the admin login", "/admin/login/", False),
            ("the dashboard", "/admin/", True),
            ("the page explorer", "/admin/pages/", True),
            ("an article's editor", f"/admin/pages/{paper['article_id']}/edit/", True),
            ("the image library", "/admin/images/", True),
        ]

    def test_twenty_urls_carry_every_header_when_rendered_and_when_cached(self):
        cookie = self.sign_in()
        urls = self.representative_urls()
        self.assertEqual(len(urls), 20)
        found, hits = [], []
        for what, path, signed_in in urls:
            for attempt in ("first", "second"):
                answer = self.fetch(path, headers={"Cookie": cookie} if signed_in else None)
                expected = 404 if what == "a missing page" else 200
                if answer.status != expected:
                    found.append(f"{what}: answered {answer.status} the {attempt} time")
                found += [
                    f"{what}, {attempt} time ({answer.status}): {problem}"
                    for problem in header_problems(answer, signed_in)
                ]
                if answer.header("X-Kronika-Cache") == "hit":
                    hits.append(what)
        self.assertEqual(found, [], "\n".join(found))
        # The cached path really ran: readers' pages came from the page cache.
        for what in ("the home page", "a section", "an article", "the RSS feed", "robots.txt"):
            self.assertIn(what, hits, f"{what} was not answered from the page cache")

    def test_static_and_media_files_carry_every_header_and_so_do_their_revalidations(self):
        stylesheet = stylesheet_path(self.fetch("/"))
        self.assertTrue(stylesheet.startswith("/static/"), stylesheet)
        picture = self.paper["picture"]
        self.assertTrue(picture.startswith("/media/"), picture)
        etag = {"If-None-Match": self.fetch(stylesheet).header("ETag")}
        last_modified = {"If-Modified-Since": self.fetch(picture).header("Last-Modified")}
        cases = [
            ("the stylesheet", "GET", stylesheet, {}, 200),
            ("the stylesheet, brotli", "GET", stylesheet, {"Accept-Encoding": "br"}, 200),
            ("the stylesheet's HEAD", "HEAD", stylesheet, {}, 200),
            ("the stylesheet, unhashed", "GET", "/static/kronika/kronika.css", {}, 200),
            ("the stylesheet, revalidated", "GET", stylesheet, etag, 304),
            ("the stylesheet, in part", "GET", stylesheet, {"Range": "bytes=0-9"}, 206),
            ("a POST to the stylesheet", "POST", stylesheet, {}, 405),
            ("the picture", "GET", picture, {}, 200),
            ("the picture, revalidated", "GET", picture, last_modified, 304),
        ]
        found = []
        for what, method, path, headers, status in cases:
            answer = self.fetch(path, method, headers=headers)
            if answer.status != status:
                found.append(f"{what}: answered {answer.status}, not {status}")
            found += [f"{what} ({answer.status}): {p}" for p in header_problems(answer)]
        self.assertEqual(found, [], "\n".join(found))

    def test_an_anonymous_admin_request_is_sent_to_the_login_with_every_header(self):
        answer = self.fetch("/admin/")
        self.assertEqual(answer.status, 302)
        self.assertEqual(header_problems(answer), [])

    def test_the_session_and_csrf_cookies_are_secure_host_only_and_httponly(self):
        login = self.fetch("/admin/login/")
        self.assertIn("__Host-csrftoken", cookie_jar(login))
        self.assertEqual([p for cookie in login.cookies() for p in cookie_problems(cookie)], [])
        self.sign_in()  # asserts that the session cookie is __Host-sessionid

    def test_a_readers_own_cookie_is_secure_httponly_and_samesite(self):
        answer = self.fetch(
            f"/ratings/{self.paper['article_id']}/",
            method="POST",
            body=urlencode({"stars": 4}),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Sec-Fetch-Site": "same-origin",
            },
        )
        self.assertLess(answer.status, 400, answer.body[-2000:])
        # Scoped to the article's path, so it cannot be a __Host- cookie.
        readers = [cookie for cookie in answer.cookies() if cookie.startswith("kronika_")]
        self.assertTrue(readers, answer.cookies())
        self.assertEqual([p for cookie in readers for p in cookie_problems(cookie)], [])

    def test_plain_http_is_sent_to_https(self):
        answer = fetch(self.server.port, self.paper["article"])
        self.assertEqual(answer.status, 301)
        self.assertTrue(answer.header("Location").startswith("https://"))
