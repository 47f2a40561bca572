"""SSRF (issue 9, point 6): no way of writing an address gets the guard onto this machine.

A canary HTTP server listens on 127.0.0.1 and counts every connection made to
it. The guard is aimed at it directly in every notation, through a redirect
from an allowed server, and through a name that resolves to an allowed address
first and to the canary the second time. Each attempt must fail with the
guard's FetchError, and the canary must see no connection at all.
"""

from django.test import SimpleTestCase

from kronika.security.fetching import FetchError, Guard
from kronika.security.tests.outbound_servers import (
    PUBLIC_STAND_IN,
    fake_dns,
    stand_in_and_canary,
    stand_in_policy,
)


class LoopbackCanaryTests(SimpleTestCase):
    def setUp(self):
        servers = stand_in_and_canary()
        self.stand_in, self.canary = servers.__enter__()
        self.addCleanup(servers.__exit__, None, None, None)
        self.guard = Guard(timeout=5, refuse=stand_in_policy(self.stand_in))
        self.port = self.canary.port

    def assertRefused(self, url, guard=None):
        with self.assertRaises(FetchError, msg=url) as caught:
            (guard or self.guard).get(url)
        self.assertIn("was not fetched", str(caught.exception))
        return str(caught.exception)

    def assertCanaryUntouched(self):
        self.assertEqual(self.canary.connections, 0, self.canary.requests)

    def test_it_refuses_the_canary_in_every_notation_of_loopback_and_metadata(self):
        port = self.port
        addresses = [
            f"http://127.0.0.1:{port}/ok",
            f"http://0.0.0.0:{port}/ok",
            f"http://0177.0.0.1:{port}/ok",
            f"http://2130706433:{port}/ok",
            f"http://0x7f.1:{port}/ok",
            f"http://0x7f000001:{port}/ok",
            f"http://127.1:{port}/ok",
            f"http://0:{port}/ok",
            f"http://127.0.0.1.:{port}/ok",
            f"http://[::ffff:127.0.0.1]:{port}/ok",
            f"http://[::ffff:7f00:1]:{port}/ok",
            f"http://[::127.0.0.1]:{port}/ok",
            f"http://[64:ff9b::127.0.0.1]:{port}/ok",
            f"http://[2002:7f00:1::]:{port}/ok",
            f"http://[::1]:{port}/ok",
            f"http://[::]:{port}/ok",
            f"http://localhost:{port}/ok",
            f"http://LOCALHOST.:{port}/ok",
            # 127.0.0.1 in full-width digits and dots, which IDNA maps to ASCII.
            f"http://\uff11\uff12\uff17\uff0e\uff10\uff0e\uff10\uff0e\uff11:{port}/ok",
            f"https://127.0.0.1:{port}/ok",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fd00:ec2::254]/latest/meta-data/",
            "http://[::ffff:169.254.169.254]/latest/meta-data/",
            "http://100.100.100.200/latest/meta-data/",
            "http://10.0.0.1/",
            "http://192.168.1.1/",
            "http://172.16.0.1/",
            "http://100.64.0.1/",
            "http://224.0.0.1/",
            "http://[fe80::1]/",
            "http://[fc00::1]/",
        ]
        for url in addresses:
            with self.subTest(url=url), self.assertRaises(FetchError):
                self.guard.get(url)
        self.assertCanaryUntouched()

    def test_the_reason_names_the_address_it_refused(self):
        message = self.assertRefused(f"http://localhost:{self.port}/ok")
        self.assertIn("localhost resolves to 127.0.0.1", message)
        self.assertIn("loopback", message)
        self.assertIn("metadata", self.assertRefused("http://169.254.169.254/"))
        with self.assertRaisesMessage(FetchError, "four decimal numbers"):
            self.guard.get(f"http://2130706433:{self.port}/ok")
        self.assertCanaryUntouched()

    def test_it_refuses_a_name_whose_addresses_include_a_forbidden_one(self):
        with fake_dns({"mixed.example": [[PUBLIC_STAND_IN, "127.0.0.1"]]}):
            message = self.assertRefused(self.stand_in.url(host="mixed.example"))
        self.assertIn("mixed.example resolves to 127.0.0.1", message)
        self.assertEqual(self.stand_in.connections, 0)
        self.assertCanaryUntouched()

    def test_a_redirect_from_an_allowed_server_to_loopback_is_refused(self):
        port = self.port
        targets = [
            f"http://127.0.0.1:{port}/ok",
            f"http://localhost:{port}/ok",
            f"http://2130706433:{port}/ok",
            f"http://0x7f.1:{port}/ok",
            f"http://[::ffff:127.0.0.1]:{port}/ok",
            f"//127.0.0.1:{port}/ok",
            f"http://canary.example:{port}/ok",
            "http://169.254.169.254/latest/meta-data/",
            "file:///etc/passwd",
            "gopher://127.0.0.1:6379/_INFO",
        ]
        with fake_dns({"allowed.example": [PUBLIC_STAND_IN], "canary.example": ["127.0.0.1"]}):
            for target in targets:
                with self.subTest(target=target):
                    start = self.stand_in.url("/redirect?to=", host="allowed.example")
                    with self.assertRaises(FetchError):
                        self.guard.get(start + target.replace("&", "%26"))
        self.assertEqual(len(self.stand_in.requests), len(targets))
        self.assertCanaryUntouched()

    def test_a_name_that_resolves_to_the_canary_the_second_time_still_reaches_the_checked_address(
        self,
    ):
        with fake_dns({"rebind.example": [PUBLIC_STAND_IN, "127.0.0.1"]}) as lookups:
            fetched = self.guard.get(self.stand_in.url(host="rebind.example"))
            self.assertEqual(fetched.body, b"the public page")
            # The name now points at the canary; a second fetch checks it afresh.
            self.assertRefused(self.stand_in.url(host="rebind.example"))
        self.assertEqual(lookups["rebind.example"], 2)
        self.assertEqual(len(self.stand_in.requests), 1)
        self.assertCanaryUntouched()

    def test_a_redirect_to_a_name_that_rebinds_to_the_canary_is_refused(self):
        hop = self.stand_in.url("/ok", host="rebind.example")
        with fake_dns({"allowed.example": [PUBLIC_STAND_IN], "rebind.example": ["127.0.0.1"]}):
            self.assertRefused(self.stand_in.url(f"/redirect?to={hop}", host="allowed.example"))
        self.assertCanaryUntouched()
