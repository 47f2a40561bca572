"""The Guard: fetches an address someone else chose, hop by checked hop, within its limits."""

import http.client
import ipaddress
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings

from kronika.security.fetching.addresses import (
    AddressPolicy,
    FetchError,
    Resolver,
    host_of,
    public_addresses_only,
    shown,
    system_resolver,
)
from kronika.security.fetching.connections import (
    PinnedHTTPConnection,
    PinnedHTTPSConnection,
    cut_connection,
    failure_reason,
)

REDIRECTS = frozenset({301, 302, 303, 307, 308})
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int
    content_type: str
    body: bytes


class Guard:
    """Fetches with the package's checks; arguments override the KRONIKA_FETCH_* settings.

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
            f"{shown(url)} was not fetched: it redirects more than {self.max_redirects} times."
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
            raise FetchError(f"{shown(url)} was not fetched: {host} has no address.")
        for text in addresses:
            address = ipaddress.ip_address(text.partition("%")[0])
            reason = self.refuse(address, port)
            if reason:
                named = "" if literal is not None else f"{host} resolves to {address}, and "
                raise FetchError(f"{shown(url)} was not fetched: {named}{address} is {reason}.")
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
            raise FetchError(f"{shown(url)} was not fetched: {host} cannot be resolved.")
        raise FetchError(f"{shown(url)} was not fetched: resolving {host} took too long.")

    def _hop(self, url: str, accept: str, limit: int, deadline: float) -> "Fetched | str":
        """One request: the response, or the address it redirects to."""
        scheme, host, port, target = host_of(url)
        addresses = self.vetted_addresses(url, host, port, deadline)
        last_error: Exception | None = None
        for address in addresses:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            if scheme == "https":
                connection = PinnedHTTPSConnection(
                    host, port, address, remaining, self.ssl_context
                )
            else:
                connection = PinnedHTTPConnection(host, port, address, remaining)
            # A watchdog cuts the socket at the deadline, however slowly the other
            # end sends: socket timeouts only bound each read, not all of them.
            watchdog = threading.Timer(remaining, cut_connection, args=(connection,))
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
                    f"{shown(url)} could not be fetched: {failure_reason(error)}."
                ) from None
            finally:
                watchdog.cancel()
                connection.close()
        if time.monotonic() >= deadline:
            raise FetchError(f"{shown(url)} was not fetched within {self.timeout:g} seconds.")
        raise FetchError(f"{shown(url)} could not be reached: {failure_reason(last_error)}.")

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
                raise FetchError(f"{shown(url)} redirects without saying where to.")
            return urljoin(url, location.strip())
        if not 200 <= response.status < 300:
            raise FetchError(f"{shown(url)} answered with HTTP status {response.status}.")
        declared = response.getheader("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"{shown(url)} is larger than the {limit:,} bytes allowed.")
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read1(CHUNK):
            size += len(chunk)
            if size > limit:
                raise FetchError(f"{shown(url)} is larger than the {limit:,} bytes allowed.")
            chunks.append(chunk)
        if time.monotonic() >= deadline:
            # The watchdog's cut reads as the end of the body: it is not one.
            raise FetchError(f"{shown(url)} was not fetched within {self.timeout:g} seconds.")
        return Fetched(
            url=url,
            status=response.status,
            content_type=response.getheader("Content-Type", ""),
            body=b"".join(chunks),
        )
