"""The guard gives up on an endless redirect, an oversized body and a server that drips."""

import time

from django.test import SimpleTestCase, override_settings

from kronika.security.fetching import FetchError, Guard
from kronika.security.tests.outbound_servers import stand_in_and_canary, stand_in_policy


class FetchLimitTests(SimpleTestCase):
    def setUp(self):
        servers = stand_in_and_canary()
        self.stand_in, self.canary = servers.__enter__()
        self.addCleanup(servers.__exit__, None, None, None)
        self.policy = stand_in_policy(self.stand_in)

    @override_settings(KRONIKA_FETCH_MAX_REDIRECTS=3)
    def test_it_follows_at_most_the_configured_number_of_redirects(self):
        with self.assertRaisesMessage(FetchError, "redirects more than 3 times"):
            Guard(refuse=self.policy).get(self.stand_in.url("/loop"))
        self.assertEqual(len(self.stand_in.requests), 4)

    def test_a_declared_size_over_the_limit_is_refused_before_the_body_is_read(self):
        guard = Guard(refuse=self.policy, max_bytes=1024**2)
        with self.assertRaisesMessage(FetchError, "larger than the 1,048,576 bytes allowed"):
            guard.get(self.stand_in.url("/big?size=5000000"))

    def test_an_undeclared_size_over_the_limit_is_cut_off_while_streaming(self):
        guard = Guard(refuse=self.policy, max_bytes=1024**2)
        with self.assertRaisesMessage(FetchError, "larger than the 1,048,576 bytes allowed"):
            guard.get(self.stand_in.url("/big?size=5000000&undeclared=1"))
        fetched = guard.get(self.stand_in.url("/big?size=1000000&undeclared=1"))
        self.assertEqual(len(fetched.body), 1_000_000)

    @override_settings(KRONIKA_FETCH_MAX_BYTES=2048)
    def test_the_configured_size_limit_applies_to_every_fetch(self):
        with self.assertRaises(FetchError):
            Guard(refuse=self.policy).get(self.stand_in.url("/big?size=4096"))

    def test_a_body_dripped_a_byte_at_a_time_is_cut_off_at_the_time_limit(self):
        started = time.monotonic()
        with self.assertRaisesMessage(FetchError, "was not fetched within 1 seconds"):
            Guard(refuse=self.policy, timeout=1).get(self.stand_in.url("/drip"))
        self.assertLess(time.monotonic() - started, 2.5)

    def test_headers_dripped_a_line_at_a_time_are_cut_off_at_the_time_limit(self):
        started = time.monotonic()
        with self.assertRaisesMessage(FetchError, "was not fetched within 1 seconds"):
            Guard(refuse=self.policy, timeout=1).get(self.stand_in.url("/drip-headers"))
        self.assertLess(time.monotonic() - started, 2.5)
