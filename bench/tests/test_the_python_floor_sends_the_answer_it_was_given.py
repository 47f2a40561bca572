"""The floor must send what Kronika sent, byte for byte, or the ratio compares unlike answers.

It once sent 5 of the cached page's 13 headers, and so 12 % more requests
a second than the same page with all of them.
"""

import tempfile
from pathlib import Path
from unittest import TestCase

from bench import serving

SENT = {
    "content-type": "text/html; charset=utf-8",
    "content-encoding": "br",
    "content-length": "5",
    "etag": 'W/"abc-br"',
    "vary": "Accept-Encoding, Cookie",
    "content-security-policy": "default-src 'self'",
    "x-kronika-cache": "hit",
    # Kronika's server adds these to each answer, and the floor's server its own.
    "connection": "close",
    "date": "Mon, 07 Dec 2026 06:54:42 GMT",
    "server": "granian",
}


class PythonFloorTests(TestCase):
    def test_it_sends_kronikas_headers_and_body_and_its_servers_own(self):
        folder = Path(self.enterContext(tempfile.TemporaryDirectory()))
        port = serving.free_port()
        with serving.python_floor((SENT, b"\x0bpage"), folder, port, 1, 1, folder / "floor.log"):
            headers, body = serving.get(f"http://127.0.0.1:{port}/any/path/")

        self.assertEqual(body, b"\x0bpage")
        for name in ("connection", "date", "server"):
            self.assertIn(name, headers)
            headers.pop(name)
        self.assertEqual(
            headers, {n: v for n, v in SENT.items() if n not in serving.SERVER_HEADERS}
        )
