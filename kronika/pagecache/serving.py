"""Answering from the page cache, and filling it.

`PageCacheApplication` wraps Django's WSGI application: a hit is answered
before Django's request cycle starts, which is what makes a cached page cost
about as much as a static file. A miss goes through Django, where
`PageCacheMiddleware` keeps the response if the view opted in. The middleware
also answers hits itself when nothing wraps Django (the test client,
`runserver`), so both paths obey the same rules.
"""

from http import HTTPStatus

from django.http import HttpResponse
from django.utils.http import parse_etags, parse_http_date_safe

from kronika.pagecache.entries import Entry, Variant
from kronika.pagecache.store import Dependencies, page_cache

LOOKED_UP = "kronika.page_cache_key"
HIT_HEADER = ("X-Kronika-Cache", "hit")
# What a 304 repeats of the full response (RFC 9110, 15.4.5).
NOT_MODIFIED_HEADERS = {"cache-control", "etag", "expires", "vary", "last-modified"}


def _status_line(status: int) -> str:
    return f"{status} {HTTPStatus(status).phrase}"


STATUS_LINES = {status: _status_line(status) for status in (200, 304)}


def _not_modified(variant: Variant, last_modified: int | None, environ) -> bool:
    """Whether the client holds `variant`: ETags are compared with the encoding being sent."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        if not variant.etag:
            return False
        tags = parse_etags(if_none_match)
        own = variant.etag.removeprefix("W/")
        return "*" in tags or any(tag.removeprefix("W/") == own for tag in tags)
    since = parse_http_date_safe(environ.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and last_modified is not None and last_modified <= since


def answer(entry: Entry, environ) -> tuple[int, list[tuple[str, str]], bytes]:
    variant = entry.variant(environ.get("HTTP_ACCEPT_ENCODING", ""))
    conditional = "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ
    if conditional and _not_modified(variant, entry.last_modified, environ):
        headers = [(n, v) for n, v in variant.headers if n.lower() in NOT_MODIFIED_HEADERS]
        return 304, [*headers, HIT_HEADER], b""
    body = b"" if environ.get("REQUEST_METHOD") == "HEAD" else variant.body
    return entry.status, [*variant.headers, HIT_HEADER], body


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if page_cache.enabled:
            key = page_cache.key_for(environ)
            if key is not None:
                entry = page_cache.lookup(key)
                if entry is not None:
                    status, headers, body = answer(entry, environ)
                    start_response(STATUS_LINES.get(status) or _status_line(status), headers)
                    return [body]
                environ[LOOKED_UP] = key
        return self.application(environ, start_response)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache.enabled:
            return self.get_response(request)
        key = request.META.get(LOOKED_UP)
        if key is None:
            key = page_cache.key_for(request.META)
            entry = page_cache.lookup(key) if key else None
            if entry is not None:
                return self.from_entry(entry, request)
        if key is None:
            return self.get_response(request)
        request.page_cache = dependencies = Dependencies()
        response = self.get_response(request)
        if self.storable(request, response, dependencies):
            page_cache.store(key, response, dependencies)
        return response

    @staticmethod
    def storable(request, response, dependencies: Dependencies) -> bool:
        # Only what CacheHeadersMiddleware made public may be shared between readers.
        return (
            dependencies.cacheable
            and request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "public" in response.get("Cache-Control", "")
        )

    @staticmethod
    def from_entry(entry: Entry, request) -> HttpResponse:
        status, headers, body = answer(entry, request.META)
        response = HttpResponse(body, status=status)
        for name, value in headers:
            response[name] = value
        return response
