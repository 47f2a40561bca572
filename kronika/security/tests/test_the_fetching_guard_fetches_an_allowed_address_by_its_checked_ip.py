"""The guard still fetches what it should: by the checked address, in the name's name.

The stand-in on 127.0.0.2 plays a public host (see outbound_servers). The
request must reach it with the name in the Host header and Kronika's
User-Agent, and over HTTPS the certificate must be checked against the name,
although the connection goes to the address the guard checked.
"""

import tempfile
from pathlib import Path

from django.test import SimpleTestCase

from kronika.security.fetching import FetchError, Guard
from kronika.security.tests.outbound_servers import (
    PUBLIC_STAND_IN,
    fake_dns,
    self_signed_tls,
    stand_in_and_canary,
    stand_in_policy,
)


class AllowedFetchTests(SimpleTestCase):
    def test_it_returns_the_body_of_an_allowed_address_sent_with_the_name_as_host(self):
        with (
            stand_in_and_canary() as (stand_in, canary),
            fake_dns({"news.example": [PUBLIC_STAND_IN]}),
        ):
            fetched = Guard(refuse=stand_in_policy(stand_in)).get(
                stand_in.url("/ok?page=2", host="news.example")
            )
        self.assertEqual(fetched.status, 200)
        self.assertEqual(fetched.body, b"the public page")
        self.assertEqual(fetched.content_type, "text/plain")
        path, headers = stand_in.requests[0]
        self.assertEqual(path, "/ok?page=2")
        self.assertEqual(headers["Host"], f"news.example:{stand_in.port}")
        self.assertTrue(headers["User-Agent"].startswith("Kronika (+http"))
        self.assertEqual(headers["Accept-Encoding"], "identity")
        self.assertEqual(canary.connections, 0)

    def test_it_follows_a_redirect_between_allowed_addresses(self):
        with (
            stand_in_and_canary() as (stand_in, _canary),
            fake_dns({"news.example": [PUBLIC_STAND_IN]}),
        ):
            fetched = Guard(refuse=stand_in_policy(stand_in)).get(
                stand_in.url("/redirect?to=/ok", host="news.example")
            )
        self.assertEqual(fetched.body, b"the public page")
        self.assertEqual(fetched.url, stand_in.url("/ok", host="news.example"))

    def test_https_checks_the_certificate_against_the_name_not_the_address(self):
        with tempfile.TemporaryDirectory() as directory:
            server_tls, client_tls = self_signed_tls(Path(directory), "news.example")
        answers = {"news.example": [PUBLIC_STAND_IN], "other.example": [PUBLIC_STAND_IN]}
        with stand_in_and_canary(tls=server_tls) as (stand_in, canary), fake_dns(answers):
            guard = Guard(refuse=stand_in_policy(stand_in), ssl_context=client_tls, timeout=5)
            fetched = guard.get(stand_in.url(host="news.example", scheme="https"))
            self.assertEqual(fetched.body, b"the public page")
            with self.assertRaisesMessage(FetchError, "certificate is not valid"):
                guard.get(stand_in.url(host="other.example", scheme="https"))
        self.assertEqual(len(stand_in.requests), 1)
        self.assertEqual(canary.connections, 0)

    def test_an_error_status_is_a_fetch_error(self):
        with (
            stand_in_and_canary() as (stand_in, _canary),
            self.assertRaisesMessage(FetchError, "answered with HTTP status 404"),
        ):
            Guard(refuse=stand_in_policy(stand_in)).get(stand_in.url("/missing"))
