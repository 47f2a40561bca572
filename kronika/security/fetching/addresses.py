"""Which addresses the fetching guard lets through, read from a URL as a resolver would.

FetchError, which every refusal and failure of the guard raises, is defined
here: reading a URL's host is the first thing that may refuse it.
"""

import ipaddress
import re
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
# Resolves (host, port) to IP addresses as text; the default asks the system resolver.
Resolver = Callable[[str, int], list[str]]
# Why an address may not be fetched from, or None when it may.
AddressPolicy = Callable[[Address, int], str | None]

# Cloud metadata services hand out credentials to whoever asks from inside the
# machine. Most are link-local or private anyway; Azure's is a public address.
METADATA = frozenset(
    ipaddress.ip_address(address)
    for address in (
        "169.254.169.254",
        "169.254.170.2",
        "168.63.129.16",
        "100.100.100.200",
        "fd00:ec2::254",
    )
)
# IANA's special-purpose registries, for the blocks that Python's is_global
# misses in some versions (192.0.0.0/24, fec0::/10, the IPv4-compatible ::/96).
NOT_PUBLIC = tuple(
    ipaddress.ip_network(network)
    for network in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "::/96",
        "64:ff9b:1::/48",
        "100::/64",
        "2001::/23",
        "2001:db8::/32",
        "3fff::/20",
        "5f00::/16",
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",
        "ff00::/8",
    )
)
CGNAT = ipaddress.ip_network("100.64.0.0/10")
NAT64 = ipaddress.ip_network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
# What the WHATWG URL standard and inet_aton take for an IPv4 address: a last
# label of digits or 0x-hex. Only the plain dotted form is accepted.
NUMERIC_LABEL = re.compile(r"(0x[0-9a-f]*|[0-9]+)", re.IGNORECASE)
HOST_NAME = re.compile(r"[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?")
# Whitespace and control characters are dropped or split on differently by each
# URL parser; a backslash is a slash to browsers and not to urllib.
UNSAFE_CHARACTERS = re.compile(r"[\x00-\x20\x7f\\]")


class FetchError(Exception):
    """The guard refused an address or gave up on it; the message says which and why."""


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries, for the forms that reach it."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in NAT64 or (address in IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def public_addresses_only(address: Address, port: int) -> str | None:
    """The default policy: only public unicast addresses, on any port."""
    if address in METADATA:
        return "a cloud metadata address"
    if address.version == 6:
        inner = _embedded_ipv4(address)
        if inner is not None:
            reason = public_addresses_only(inner, port)
            return f"an IPv6 form of {inner}, {reason}" if reason else None
    if address.is_unspecified:
        return "the unspecified address, which means this machine"
    if address.is_loopback:
        return "a loopback address, which means this machine"
    if address.is_link_local:
        return "a link-local address"
    if address in CGNAT:
        return "a carrier-grade NAT address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_reserved:
        return "a reserved address"
    if address.is_private:
        return "a private address"
    if not address.is_global or any(address in network for network in NOT_PUBLIC):
        return "a reserved address"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(info[4][0] for info in infos))


def shown(url: str) -> str:
    return url if len(url) <= 200 else url[:199] + "…"


def host_of(url: str) -> tuple[str, str, int, str]:
    """Scheme, host (an IDNA name or a canonical IP address), port and request target."""
    if UNSAFE_CHARACTERS.search(url):
        raise FetchError(f"{shown(url)!r} contains spaces, control characters or backslashes.")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"{shown(url)} is not an http or https address.")
    if parts.username is not None or parts.password is not None:
        raise FetchError(f"{shown(url)} carries a user name or password; they are not sent.")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
        host = parts.hostname or ""
    except ValueError:
        raise FetchError(f"{shown(url)} has a malformed host or port.") from None
    if not host or len(host) > 253:
        raise FetchError(f"{shown(url)} names no host, or one too long for DNS.")
    if ":" not in host:
        try:
            host = host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            raise FetchError(
                f"{shown(url)} has a host name that cannot be written in DNS."
            ) from None
        if not HOST_NAME.fullmatch(host):
            raise FetchError(f"{shown(url)} has a malformed host name.")
        if NUMERIC_LABEL.fullmatch(host.rstrip(".").rpartition(".")[2]):
            try:
                host = str(ipaddress.IPv4Address(host))
            except ValueError:
                raise FetchError(
                    f"{shown(url)} writes an IP address in a form that is read differently "
                    "by different programs; write it as four decimal numbers."
                ) from None
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, host, port, target
