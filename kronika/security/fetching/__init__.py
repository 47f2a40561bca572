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
What an address may be is in addresses.py, the connections pinned to a checked
address in connections.py, and the Guard that fetches with both in guard.py.
"""

from kronika.security.fetching.addresses import (
    Address,
    AddressPolicy,
    FetchError,
    Resolver,
    public_addresses_only,
    system_resolver,
)
from kronika.security.fetching.guard import Fetched, Guard

__all__ = [
    "Address",
    "AddressPolicy",
    "FetchError",
    "Fetched",
    "Guard",
    "Resolver",
    "fetch",
    "public_addresses_only",
    "system_resolver",
]


def fetch(url: str, *, accept: str = "*/*", max_bytes: int | None = None) -> Fetched:
    """GET `url` through the guard with the configured limits; FetchError if not allowed."""
    return Guard().get(url, accept=accept, max_bytes=max_bytes)
