"""The guard's default policy: public unicast addresses pass, every other kind is refused.

Python's own is_global misses some blocks in some versions (192.0.0.0/24,
fec0::/10, IPv4-compatible IPv6), and IPv6 can carry an IPv4 address in
several forms; those are judged by the IPv4 address they carry.
"""

import ipaddress

from django.test import SimpleTestCase

from kronika.security.fetching import public_addresses_only

REFUSED = {
    "127.0.0.1": "loopback",
    "127.255.255.254": "loopback",
    "0.0.0.0": "unspecified",  # noqa: S104 - an address refused, not bound
    "0.1.2.3": "private",
    "10.1.2.3": "private",
    "172.31.255.255": "private",
    "192.168.0.1": "private",
    "100.64.0.1": "carrier-grade NAT",
    "169.254.169.254": "metadata",
    "169.254.1.1": "link-local",
    "168.63.129.16": "metadata",
    "192.0.0.192": "reserved",
    "192.0.2.1": "private",
    "198.18.0.1": "private",
    "224.0.0.251": "multicast",
    "239.255.255.250": "multicast",
    "240.0.0.1": "reserved",
    "255.255.255.255": "reserved",
    "::1": "loopback",
    "::": "unspecified",
    "::ffff:127.0.0.1": "loopback",
    "::ffff:10.0.0.1": "private",
    "::127.0.0.1": "loopback",
    "64:ff9b::a9fe:a9fe": "metadata",
    "2002:c0a8:101::": "private",
    "fd00:ec2::254": "metadata",
    "fc00::1": "private",
    "fe80::1": "link-local",
    "fec0::1": "reserved",
    "ff02::1": "multicast",
    "ff0e::1": "multicast",
    "2001:db8::1": "private",
    "2001::1": "private",
    "100::1": "reserved",
}
ALLOWED = ["93.184.215.14", "8.8.8.8", "2606:4700::1111", "64:ff9b::808:808", "2002:808:808::"]


class AddressPolicyTests(SimpleTestCase):
    def test_every_kind_of_non_public_address_is_refused_with_its_reason(self):
        for text, reason in REFUSED.items():
            with self.subTest(address=text):
                refusal = public_addresses_only(ipaddress.ip_address(text), 80)
                self.assertIsNotNone(refusal)
                self.assertIn(reason, refusal)

    def test_public_addresses_pass_including_ipv6_forms_of_public_ipv4(self):
        for text in ALLOWED:
            with self.subTest(address=text):
                self.assertIsNone(public_addresses_only(ipaddress.ip_address(text), 443))
