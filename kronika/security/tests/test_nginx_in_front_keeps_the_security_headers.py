"""deploy/nginx.conf as shipped, in front of `kronika serve` with production
settings: pages from its proxy cache keep the app's security headers, the files
it serves from disk (/static/, /media/) get every one the app sends with them,
and a signed-in editor's session bypasses the cache.
"""

from pathlib import Path

from kronika.security.tests.http_headers import (
    YEAR,
    cookie_header,
    fetch,
    header_problems,
    policy,
    sign_in,
    stylesheet_path,
)
from kronika.security.tests.nginx_front import NginxInFrontTestCase

# Sent by kronika.static_files and kronika.base.media_files with each file, and
# by nginx with the same value. Its Content-Security-Policy for static files is
# stricter than the app's, which is the pages' own.
SAME_FROM_BOTH = {
    "cross-origin-opener-policy",
    "permissions-policy",
    "referrer-policy",
    "strict-transport-security",
    "x-content-type-options",
    "x-frame-options",
}


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

    def test_files_from_disk_carry_every_header_the_app_sends_with_them(self):
        stylesheet = stylesheet_path(fetch(self.port, "/"))
        found = []
        for what, path in (("the stylesheet", stylesheet), ("the picture", self.paper["picture"])):
            # As `kronika serve` sends the file when no nginx is in front.
            from_app = fetch(self.app.port, path, headers={"X-Forwarded-Proto": "https"})
            self.assertEqual(from_app.status, 200, what)
            sent_by_app = {name.lower() for name, _ in from_app.headers}
            self.assertEqual(SAME_FROM_BOTH - sent_by_app, set(), what)
            first = fetch(self.port, path)
            revalidated = fetch(
                self.port, path, headers={"If-Modified-Since": first.header("Last-Modified")}
            )
            self.assertEqual((first.status, revalidated.status), (200, 304), what)
            for answer in (first, revalidated):
                found += [f"{what} ({answer.status}): {p}" for p in header_problems(answer)]
                found += [
                    f"{what} ({answer.status}): nginx sends {name}: {answer.header(name)}, "
                    f"the app {value}"
                    for name, value in from_app.headers
                    if name.lower() in SAME_FROM_BOTH and answer.header(name) != value
                ]
        self.assertEqual(found, [], "\n".join(found))

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
