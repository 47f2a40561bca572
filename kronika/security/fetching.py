"""The one way Kronika fetches an address that someone else chose.

Embeds, imported media and link previews name addresses written by people
outside the servers. Fetched naively, such an address reaches what only the
server can reach: the database, Redis, an admin panel on the private network,
the cloud's metadata service and the credentials it hands out (SSRF). So the
guard:

- fetches http and https only, from host names or plainly written IP addresses:
  2130706433, 0x7f.1, 127.1 and 0177.0.0.1 are refused, since resolvers read
  them as 127.0.0.1 while people read them as something else;
- resolves a name once and refuses it if any of its addresses is not a public
  unicast one: loopback, private, link-local, carrier-grade NAT, multicast,
  reserved, unspecified, cloud metadata, or an IPv6 address carrying such an
  IPv4 address (mapped, compatible, 6to4, NAT64);
- connects to the very address it checked, so a name that answers differently
  a moment later (DNS rebinding) cannot move the connection, while the Host
  header and the TLS certificate check still use the name;
- follows redirects itself, at most KRONIKA_FETCH_MAX_REDIRECTS, checking every
  hop like the first, and ignores proxy variables, which would defeat the pinning;
- gives up after KRONIKA_FETCH_TIMEOUT seconds in all, however slowly the other
  end drips, and after KRONIKA_FETCH_MAX_BYTES of body.

Every refusal and failure is a FetchError whose message an editor can read.
"""

import contextlib
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
# Resolves (host, port) to IP addresses as text; the default asks the system resolver.
Resolver = Callable[[str, int], list[str]]
# Why an address may not be fetched from, or None when it may.
AddressPolicy = Callable[[Address, int], str | None]

REDIRECTS = frozenset({301, 302, 303, 307, 308})
CHUNK = 64 * 1024

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


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int
    content_type: str
    body: bytes


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


def _shown(url: str) -> str:
    return url if len(url) <= 200 else url[:199] + "…"


def _host_of(url: str) -> tuple[str, str, int, str]:
    """Scheme, host (an IDNA name or a canonical IP address), port and request target."""
    if UNSAFE_CHARACTERS.search(url):
        raise FetchError(f"{_shown(url)!r} contains spaces, control characters or backslashes.")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"{_shown(url)} is not an http or https address.")
    if parts.username is not None or parts.password is not None:
        raise FetchError(f"{_shown(url)} carries a user name or password; they are not sent.")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
        host = parts.hostname or ""
    except ValueError:
        raise FetchError(f"{_shown(url)} has a malformed host or port.") from None
    if not host or len(host) > 253:
        raise FetchError(f"{_shown(url)} names no host, or one too long for DNS.")
    if ":" not in host:
        try:
            host = host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            raise FetchError(
                f"{_shown(url)} has a host name that cannot be written in DNS."
            ) from None
        if not HOST_NAME.fullmatch(host):
            raise FetchError(f"{_shown(url)} has a malformed host name.")
        if NUMERIC_LABEL.fullmatch(host.rstrip(".").rpartition(".")[2]):
            try:
                host = str(ipaddress.IPv4Address(host))
            except ValueError:
                raise FetchError(
                    f"{_shown(url)} writes an IP address in a form that is read differently "
                    "by different programs; write it as four decimal numbers."
                ) from None
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, host, port, target


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to the vetted address, never to whatever the name resolves to now."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to the vetted address; SNI and the certificate check use the name."""

    def __init__(
        self, host: str, port: int, address: str, timeout: float, context: ssl.SSLContext
    ):
        super().__init__(host, port, timeout=timeout, context=context)
        self.address = address
        self.tls = context

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        try:
            self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise


class Guard:
    """Fetches with the checks above; arguments override the KRONIKA_FETCH_* settings.

    `resolve` and `refuse` exist so that tests can stand a loopback server in
    for a public one; everything else uses the defaults.
    """

    def __init__(
        self,
        *,
        timeout: float | None = None,
        max_bytes: int | None = None,
        max_redirects: int | None = None,
        resolve: Resolver = system_resolver,
        refuse: AddressPolicy = public_addresses_only,
        ssl_context: ssl.SSLContext | None = None,
    ):
        self.timeout = timeout if timeout is not None else settings.KRONIKA_FETCH_TIMEOUT
        self.max_bytes = max_bytes if max_bytes is not None else settings.KRONIKA_FETCH_MAX_BYTES
        self.max_redirects = (
            max_redirects if max_redirects is not None else settings.KRONIKA_FETCH_MAX_REDIRECTS
        )
        self.resolve = resolve
        self.refuse = refuse
        self.ssl_context = ssl_context or ssl.create_default_context()
        self.user_agent = f"Kronika (+{settings.BASE_URL}/)"

    def get(self, url: str, *, accept: str = "*/*", max_bytes: int | None = None) -> Fetched:
        limit = min(max_bytes, self.max_bytes) if max_bytes is not None else self.max_bytes
        deadline = time.monotonic() + self.timeout
        for _hop in range(self.max_redirects + 1):
            answer = self._hop(url, accept, limit, deadline)
            if isinstance(answer, Fetched):
                return answer
            url = answer
        raise FetchError(
            f"{_shown(url)} was not fetched: it redirects more than {self.max_redirects} times."
        )

    def vetted_addresses(self, url: str, host: str, port: int, deadline: float) -> list[str]:
        try:
            literal = ipaddress.ip_address(host)
        except ValueError:
            literal = None
        if literal is not None:
            addresses = [str(literal)]
        else:
            addresses = self._resolve_before(host, port, deadline, url)
        if not addresses:
            raise FetchError(f"{_shown(url)} was not fetched: {host} has no address.")
        for text in addresses:
            address = ipaddress.ip_address(text.partition("%")[0])
            reason = self.refuse(address, port)
            if reason:
                named = "" if literal is not None else f"{host} resolves to {address}, and "
                raise FetchError(f"{_shown(url)} was not fetched: {named}{address} is {reason}.")
        return addresses

    def _resolve_before(self, host: str, port: int, deadline: float, url: str) -> list[str]:
        """Resolve in a thread, since the system resolver takes no timeout of its own."""
        outcome: dict = {}

        def run():
            try:
                outcome["addresses"] = self.resolve(host, port)
            except (OSError, UnicodeError) as error:
                outcome["error"] = error

        thread = threading.Thread(target=run, daemon=True, name="kronika-fetch-resolve")
        thread.start()
        thread.join(max(0.0, deadline - time.monotonic()))
        if "addresses" in outcome:
            return outcome["addresses"]
        if "error" in outcome:
            raise FetchError(f"{_shown(url)} was not fetched: {host} cannot be resolved.")
        raise FetchError(f"{_shown(url)} was not fetched: resolving {host} took too long.")

    def _hop(self, url: str, accept: str, limit: int, deadline: float) -> "Fetched | str":
        """One request: the response, or the address it redirects to."""
        scheme, host, port, target = _host_of(url)
        addresses = self.vetted_addresses(url, host, port, deadline)
        last_error: Exception | None = None
        for address in addresses:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            if scheme == "https":
                connection = _PinnedHTTPSConnection(
                    host, port, address, remaining, self.ssl_context
                )
            else:
                connection = _PinnedHTTPConnection(host, port, address, remaining)
            # A watchdog cuts the socket at the deadline, however slowly the other
            # end sends: socket timeouts only bound each read, not all of them.
            watchdog = threading.Timer(remaining, _cut, args=(connection,))
            watchdog.daemon = True
            watchdog.start()
            try:
                try:
                    connection.connect()
                except OSError as error:
                    last_error = error
                    continue
                return self._exchange(connection, url, target, accept, limit, deadline)
            except (OSError, ValueError, http.client.HTTPException) as error:
                if time.monotonic() >= deadline:
                    break
                raise FetchError(
                    f"{_shown(url)} could not be fetched: {_reason(error)}."
                ) from None
            finally:
                watchdog.cancel()
                connection.close()
        if time.monotonic() >= deadline:
            raise FetchError(f"{_shown(url)} was not fetched within {self.timeout:g} seconds.")
        raise FetchError(f"{_shown(url)} could not be reached: {_reason(last_error)}.")

    def _exchange(self, connection, url, target, accept, limit, deadline):
        connection.request(
            "GET",
            target,
            headers={
                "User-Agent": self.user_agent,
                "Accept": accept,
                "Accept-Encoding": "identity",
                "Connection": "close",
            },
        )
        response = connection.getresponse()
        if response.status in REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise FetchError(f"{_shown(url)} redirects without saying where to.")
            return urljoin(url, location.strip())
        if not 200 <= response.status < 300:
            raise FetchError(f"{_shown(url)} answered with HTTP status {response.status}.")
        declared = response.getheader("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"{_shown(url)} is larger than the {limit:,} bytes allowed.")
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read1(CHUNK):
            size += len(chunk)
            if size > limit:
                raise FetchError(f"{_shown(url)} is larger than the {limit:,} bytes allowed.")
            chunks.append(chunk)
        if time.monotonic() >= deadline:
            # The watchdog's cut reads as the end of the body: it is not one.
            raise FetchError(f"{_shown(url)} was not fetched within {self.timeout:g} seconds.")
        return Fetched(
            url=url,
            status=response.status,
            content_type=response.getheader("Content-Type", ""),
            body=b"".join(chunks),
        )


def _cut(connection: http.client.HTTPConnection):
    sock = connection.sock
    if sock is not None:
        # The plain socket's shutdown, also under TLS: it ends a read blocked
        # in another thread without touching the TLS state that thread uses.
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _reason(error: BaseException | None) -> str:
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"its certificate is not valid for it ({error.verify_message})"
    if isinstance(error, TimeoutError):
        return "it did not answer in time"
    if isinstance(error, ConnectionRefusedError):
        return "the connection was refused"
    return str(error) or type(error).__name__


def fetch(url: str, *, accept: str = "*/*", max_bytes: int | None = None) -> Fetched:
    """GET `url` through the guard with the configured limits; FetchError if not allowed."""
    return Guard().get(url, accept=accept, max_bytes=max_bytes)
