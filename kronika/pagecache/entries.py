"""A cached page as the page cache keeps it: one body per encoding, each ready to send.

Entries are pickled into the shared cache, where a class is named by its
module: format 3 is format 2 with these classes moved here from `store`.
"""

import time
from dataclasses import dataclass

from kronika.pagecache.compression import IDENTITY, every_encoding, negotiate

# Entries keep one body per encoding since format 2; the key names the format,
# so a process never reads an entry of another format left in the shared cache.
KEY_PREFIX = "page:3:"
# Set per encoding; every other header is the same in each.
OWN_HEADERS = {"content-length", "content-encoding", "etag", "set-cookie"}


@dataclass(frozen=True)
class Variant:
    """A page in one encoding, with every header it is sent with, ready to send."""

    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str


@dataclass(frozen=True)
class Entry:
    status: int
    variants: dict[str, Variant]  # by coding; "identity" is always there
    last_modified: int | None  # seconds since the epoch, as the header says
    tags: dict[str, str]
    expires: float  # wall-clock seconds, shared by every process

    def fresh(self) -> bool:
        return time.time() < self.expires

    def variant(self, accept_encoding: str) -> Variant:
        """The encoding a client sending `accept_encoding` gets."""
        variants = self.variants
        return variants.get(negotiate(accept_encoding)) or variants[IDENTITY]

    @property
    def size(self) -> int:
        return sum(len(variant.body) for variant in self.variants.values())


def variants_of(response) -> dict[str, Variant]:
    common = [(name, value) for name, value in response.items() if name.lower() not in OWN_HEADERS]
    variants = {}
    for encoding in every_encoding(response):
        own = [("Content-Length", str(len(encoding.body)))]
        if encoding.coding != IDENTITY:
            own.append(("Content-Encoding", encoding.coding))
        if encoding.etag:
            own.append(("ETag", encoding.etag))
        variants[encoding.coding] = Variant(
            headers=(*common, *own), body=encoding.body, etag=encoding.etag
        )
    return variants
