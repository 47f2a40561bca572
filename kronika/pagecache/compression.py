"""Compressed responses: brotli or gzip, whichever the client's Accept-Encoding prefers.

`CompressionMiddleware` compresses text of at least MIN_SIZE bytes (HTML, feeds,
sitemaps, JSON, CSS, JS) and leaves everything else as it is. It sits between
ConditionalGetMiddleware and StableETagMiddleware on purpose:

- below it, the ETag is computed from the uncompressed body, volatile form
  tokens left out, so every encoding of one page shares its origin;
- above it, ConditionalGetMiddleware compares If-None-Match with the ETag of
  the encoding actually sent. Each encoding has its own ETag, the identity's
  with "-br" or "-gzip" added (as Apache does), made weak because another
  brotli or zlib could encode the same page into other bytes. A client that
  revalidates the gzip copy it holds therefore gets a 304, and a cache never
  takes one encoding's 304 as confirming another's body.

BREACH: a compressed response that reflects what a request sent next to a
secret leaks the secret through its length. A response that may be shared
(Cache-Control: public) carries no secret by definition, so it is encoded
the best way and deterministically, which the page cache relies on. A
personal response (the admin, a signed-in reader) gets what Django's
GZipMiddleware gives: gzip padded with up to 100 random bytes (Heal The
Breach), on top of Django's masked CSRF tokens, and no brotli, which has no
such padding.

The page cache keeps every encoding of the pages it stores, so that a hit
costs no compression: `every_encoding` gives them, reusing the one this
middleware already made for the request that rendered the page.
"""

import functools
from dataclasses import dataclass

import brotli
from django.utils.cache import cc_delim_re, patch_vary_headers, set_response_etag
from django.utils.text import compress_string

IDENTITY = "identity"
# Best first: brotli makes feeds and pages 10-20 % smaller than gzip does.
CODINGS = ("br", "gzip")
# Below about a kilobyte the saving is smaller than a packet, and a tiny body
# compressed is mostly header.
MIN_SIZE = 1024
# Quality 5 is within 1 % of 6 to 9 on our pages at a fraction of their time; 11
# saves 10 % more but costs 50 to 100 times as long, on every render of a page.
BROTLI_QUALITY = 5
# What Django's GZipMiddleware adds to a personal response (Heal The Breach).
RANDOM_PADDING = 100
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/feed+json",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "application/javascript",
    "application/manifest+json",
    "image/svg+xml",
)


@functools.lru_cache(maxsize=512)
def negotiate(accept_encoding: str, offered: tuple[str, ...] = CODINGS) -> str:
    """The coding to send a client whose Accept-Encoding says `accept_encoding`.

    Browsers send a handful of distinct headers, so the answer is remembered
    per header: on a page cache hit this costs one dictionary look-up. The
    highest q-value wins, brotli on a tie; "*" stands for any coding not
    named, q=0 refuses one, and no header at all means identity.
    """
    weights = {}
    for part in accept_encoding.lower().split(","):
        coding, _, parameters = part.partition(";")
        weights[coding.strip()] = _q_value(parameters)
    if "x-gzip" in weights:
        weights.setdefault("gzip", weights["x-gzip"])
    anything = weights.get("*", 0.0)
    best, best_weight = IDENTITY, 0.0
    for coding in offered:
        weight = weights.get(coding, anything)
        if weight > best_weight:
            best, best_weight = coding, weight
    return best


def _q_value(parameters: str) -> float:
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip() == "q":
            try:
                weight = float(value)
            except ValueError:
                return 0.0  # a malformed weight refuses rather than guesses
            return weight if 0 < weight <= 1 else 0.0
    return 1.0


def compress(body: bytes, coding: str) -> bytes:
    if coding == "br":
        return brotli.compress(body, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY)
    return compress_string(body)


def tagged(etag: str, coding: str) -> str:
    """The ETag of `coding`'s encoding of the body whose identity ETag is `etag`."""
    if not etag or coding == IDENTITY:
        return etag
    return f'W/{etag.removeprefix("W/")[:-1]}-{coding}"'


@dataclass(frozen=True)
class Uncompressed:
    """What a compressible response was before the middleware encoded it."""

    body: bytes
    etag: str


def compressible(response) -> bool:
    return (
        not response.streaming
        and response.status_code not in (204, 304)
        and not response.has_header("Content-Encoding")
        and response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES)
        and len(response.content) >= MIN_SIZE
    )


def shared(response) -> bool:
    directives = cc_delim_re.split(response.get("Cache-Control", "").lower())
    return "public" in directives


def needs_etag(response) -> bool:
    """As ConditionalGetMiddleware decides, which would otherwise hash the compressed body."""
    return "no-store" not in cc_delim_re.split(response.get("Cache-Control", "").lower())


class CompressionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not compressible(response):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if request.method == "GET" and not response.has_header("ETag") and needs_etag(response):
            set_response_etag(response)
        accept_encoding = request.META.get("HTTP_ACCEPT_ENCODING", "")
        public = shared(response)
        coding = negotiate(accept_encoding) if public else negotiate(accept_encoding, ("gzip",))
        response.uncompressed = Uncompressed(response.content, response.get("ETag", ""))
        if coding == IDENTITY:
            return response
        if public:
            encoded = compress(response.content, coding)
        else:
            encoded = compress_string(response.content, max_random_bytes=RANDOM_PADDING)
        encode(response, coding, encoded)
        return response


def encode(response, coding: str, body: bytes) -> None:
    etag = response.get("ETag")
    response.content = body
    response["Content-Length"] = str(len(body))
    response["Content-Encoding"] = coding
    if etag:
        response["ETag"] = tagged(etag, coding)


@dataclass(frozen=True)
class Encoding:
    coding: str
    body: bytes
    etag: str


def every_encoding(response) -> list[Encoding]:
    """A shared response in each coding it may be sent in; identity alone if not compressible.

    The coding the response went out in is reused; the others are made now.
    """
    uncompressed = getattr(response, "uncompressed", None)
    if uncompressed is None:
        return [Encoding(IDENTITY, response.content, response.get("ETag", ""))]
    sent = response.get("Content-Encoding", IDENTITY)
    encodings = [Encoding(IDENTITY, uncompressed.body, uncompressed.etag)]
    for coding in CODINGS:
        body = response.content if coding == sent else compress(uncompressed.body, coding)
        encodings.append(Encoding(coding, body, tagged(uncompressed.etag, coding)))
    return encodings
