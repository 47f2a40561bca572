"""The limits on a request's size, which every answer keeps, cached pages included.

They are checked on the WSGI environ (a Django request's META is that same
dictionary). Django's RequestLimitsMiddleware refuses a request over them with
the site's readable 431 or 414 page. The page cache answers hits before any of
Django's middleware runs, so it leaves a request over them to Django instead
of answering it (`PageCache.key_for`): the refusal is then the one page,
with the security headers the middleware after the cache adds, on every path.
"""

from django.conf import settings

SEARCH_PATH = "/search/"
# Search answers a query of any length with a page (it uses the first 200
# characters), up to this many bytes of query string; a longer one gets the
# site's 414 page. The limit stays below granian's own: its HTTP library
# (hyper) answers an address over 65,534 bytes with a 414 that has no body,
# before the application sees the request, and no option changes that.
SEARCH_QUERY_LIMIT = 64_000

HEADERS_TOO_LARGE = 431
ADDRESS_TOO_LONG = 414

_is_text = str.__instancecheck__


def header_bytes(environ) -> int:
    """The size of the request's headers: each name and value, as Django sees them."""
    return sum(
        len(key) + len(str(value)) for key, value in environ.items() if key.startswith("HTTP_")
    )


def _headers_may_be_too_large(environ, limit: int) -> bool:
    # Every page cache hit asks, and counting the headers in Python costs about
    # as much as the rest of a hit. This bound is made in C at a fraction of
    # that: every key and every text value of the environ together are at least
    # the headers' bytes, so only a request whose bound is over the limit needs
    # its headers counted. (Granian copies the process environment into every
    # environ; a few kilobytes of it leave the bound far below the limit.)
    join = "".join
    return len(join(environ)) + len(join(filter(_is_text, environ.values()))) > limit


def refusal(environ) -> int | None:
    """The status refusing a request over the limits (431 or 414), or None."""
    limit = settings.KRONIKA_MAX_HEADER_BYTES
    if _headers_may_be_too_large(environ, limit) and header_bytes(environ) > limit:
        return HEADERS_TOO_LARGE
    query = len(environ.get("QUERY_STRING", ""))
    if query > settings.KRONIKA_MAX_QUERY_STRING and (
        query > SEARCH_QUERY_LIMIT or environ.get("PATH_INFO") != SEARCH_PATH
    ):
        return ADDRESS_TOO_LONG
    return None
