"""deploy/nginx.conf passes the app's compressed pages through and keeps one copy of
a page per coding in its cache, whatever the spelling of Accept-Encoding; every
copy reads the same, revalidates with its own ETag, and nginx compresses the
static files it serves from disk itself (the copies made at collectstatic).
"""

from kronika.base.middleware import VOLATILE_INPUT
from kronika.security.tests.http_headers import fetch, header_problems
from kronika.security.tests.nginx_front import NginxInFrontTestCase
from kronika.testing import decoded

# Spellings of Accept-Encoding, by the coding each should get.
SPELLINGS = {
    "gzip, deflate, br, zstd": "br",
    "br": "br",
    "br;q=1.0, gzip;q=0.8": "br",
    "gzip": "gzip",
    "br;q=0, gzip": "gzip",
    "deflate, gzip": "gzip",
    "": None,
    "deflate": None,
}


class NginxEncodingTests(NginxInFrontTestCase):
    def get(self, path: str, accept_encoding: str, **headers):
        return fetch(self.port, path, headers={"Accept-Encoding": accept_encoding, **headers})

    def test_each_spelling_gets_its_coding_and_shares_the_cached_copy(self):
        path = self.paper["article"]
        pages, statuses = set(), {}
        for spelling, coding in SPELLINGS.items():
            for _ in range(2):
                answer = self.get(path, spelling)
                self.assertEqual(answer.status, 200, spelling)
                self.assertEqual(answer.header("Content-Encoding"), coding, spelling)
                self.assertIn("Accept-Encoding", answer.header("Vary"))
                self.assertEqual(header_problems(answer), [], spelling)
                statuses.setdefault(coding, []).append(answer.header("X-Cache-Status"))
                pages.add(VOLATILE_INPUT.sub(b"", decoded(answer.body, coding)))
        self.assertEqual(len(pages), 1, "the copies of one page read differently")
        for coding, seen in statuses.items():
            # Only the first request of each coding may miss (nginx may also be
            # revalidating a copy whose second of s-maxage has passed).
            self.assertEqual(seen.count("MISS"), 1, f"{coding}: {seen}")

    def test_each_copy_revalidates_with_its_own_etag(self):
        path = "/feeds/rss/"
        etags = {}
        for spelling in ("br", "gzip", ""):
            etags[spelling] = self.get(path, spelling).header("ETag")
            answer = self.get(path, spelling, **{"If-None-Match": etags[spelling]})
            self.assertEqual(answer.status, 304, spelling)
        self.assertEqual(len(set(etags.values())), 3, etags)
        answer = self.get(path, "br", **{"If-None-Match": etags[""]})
        self.assertEqual((answer.status, answer.header("Content-Encoding")), (200, "br"))

    def test_static_files_from_disk_are_sent_compressed(self):
        page = self.get("/", "").body.decode()
        stylesheet = page.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
        # The hashed copy's url()s name the hashed fonts, so each path is
        # compared with its own uncompressed body.
        for path in (stylesheet, "/static/kronika/kronika.css"):
            with self.subTest(path=path):
                original = self.get(path, "").body
                answer = self.get(path, "gzip, deflate, br")
                self.assertEqual(answer.status, 200)
                self.assertEqual(answer.header("Content-Encoding"), "gzip")
                self.assertEqual(answer.header("Vary"), "Accept-Encoding")
                self.assertEqual(answer.header("X-Content-Type-Options"), "nosniff")
                self.assertIsNotNone(answer.header("Content-Security-Policy"))
                self.assertEqual(decoded(answer.body, "gzip"), original)
