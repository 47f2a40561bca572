"""The 2FA setup page and its QR code come from the site itself: the code is drawn as
SVG on the server, and no page of the flow loads anything from another host."""

import re

from bs4 import BeautifulSoup
from django.test import override_settings

from kronika.accounts.tests.support import sign_in
from kronika.testing import PASSWORD, KronikaTestCase

# The XML namespaces an SVG declares are names, not addresses anything is fetched from.
NAMESPACE = re.compile(r'xmlns(:\w+)?="http://www\.w3\.org/[^"]*"')


def off_site(address: str) -> bool:
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", address.strip(), re.I)) and not re.match(
        r"^(?:https?:)?//testserver/", address.strip()
    )


@override_settings(KRONIKA_2FA_REQUIRED=True)
class TwoFactorPagesAreSelfContainedTests(KronikaTestCase):
    def test_the_setup_and_code_pages_load_nothing_from_another_host(self):
        sign_in(self.client, "editor", PASSWORD)
        for address in ("/admin/2fa/devices/new", f"/admin/2fa/devices/{self.editor.pk}"):
            page = BeautifulSoup(self.client.get(address).content, "html.parser")
            loaded = [
                tag.get(attribute)
                for tag in page.find_all(["script", "img", "link", "iframe", "source", "use"])
                for attribute in ("src", "href")
                if tag.get(attribute)
            ]
            self.assertTrue(loaded, address)
            self.assertEqual([url for url in loaded if off_site(url)], [], address)

    def test_the_qr_code_is_an_svg_drawn_here_with_no_outside_references(self):
        sign_in(self.client, "editor", PASSWORD)
        self.client.get("/admin/2fa/devices/new")
        qr = self.client.get("/admin/2fa/devices/qr-code")
        self.assertEqual(qr.status_code, 200)
        self.assertEqual(qr["Content-Type"], "image/svg+xml")
        svg = NAMESPACE.sub("", qr.content.decode())
        self.assertGreater(svg.count("<svg:rect") + svg.count("<rect"), 100)
        for reference in ("http:", "https:", "//", "href", "url(", "<script", "<image"):
            self.assertNotIn(reference, svg)
