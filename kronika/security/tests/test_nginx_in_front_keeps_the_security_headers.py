"""deploy/nginx.conf as shipped, in front of `kronika serve` with production
settings: pages from its proxy cache keep the app's security headers, files it
serves from disk get them too, and a signed-in editor's session bypasses the cache.
"""

from pathlib import Path

from kronika.security.tests.http_headers import (
    YEAR,
    cookie_header,
    fetch,
    header_problems,
    policy,
    sign_in,
)
from kronika.security.tests.nginx_front import NginxInFrontTestCase


class NginxHeadersTests(NginxInFrontTestCase):
    def test_pages_from_the_proxy_cache_keep_every_header(self):
        found, statuses = [], []
        for path in ("/", self.paper["article"], "/feeds/rss/", "/no/such/page/"):
            for attempt in range(3):
                answer = fetch(self.port, path)
                statuses.append(answer.header("X-Cache-Status"))
                found += [f"{path} #{attempt}: {p}" for p in header_problems(answer)]
        self.assertEqual(found, [], "\n".join(found))
        self.assertIn("HIT", statuses, "nothing came from nginx's cache")

    def test_uploaded_media_from_disk_cannot_act_as_pages(self):
        answer = fetch(self.port, self.paper["picture"])
        self.assertEqual(answer.status, 200)
        self.assertEqual(answer.header("X-Content-Type-Options"), "nosniff")
        self.assertIn(f"max-age={YEAR}", answer.header("Strict-Transport-Security"))
        directives = policy(answer.header("Content-Security-Policy"))
        self.assertEqual(directives["default-src"], ["'none'"])
        self.assertIn("sandbox", directives)
        self.assertEqual(directives["frame-ancestors"], ["'none'"])

    def test_document_files_are_not_served_past_the_document_view(self):
        self.assertEqual(fetch(self.port, self.paper["document"]).status, 200)
        stored = next((Path(self.data_dir.name) / "media" / "documents").iterdir())
        self.assertEqual(fetch(self.port, f"/media/documents/{stored.name}").status, 404)

    def test_static_files_are_not_sniffed(self):
        page = fetch(self.port, "/").body.decode()
        stylesheet = page.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
        answer = fetch(self.port, stylesheet)
        self.assertEqual(answer.status, 200)
        self.assertEqual(answer.header("X-Content-Type-Options"), "nosniff")

    def test_the_server_header_names_no_version(self):
        self.assertEqual(fetch(self.port, "/").header("Server"), "nginx")

    def test_a_signed_in_editor_bypasses_the_cache_and_keeps_every_header(self):
        # nginx passes the Host without the port on ($host).
        answer, jar = sign_in(self.port, self.password, "https://127.0.0.1")
        self.assertEqual(answer.status, 302, answer.body[-2000:])
        self.assertIn("__Host-sessionid", jar)
        cookie = cookie_header(jar)
        for _ in range(2):
            page = fetch(self.port, "/", headers={"Cookie": cookie})
            self.assertEqual(page.header("X-Cache-Status"), "BYPASS")
            self.assertEqual(header_problems(page), [])
