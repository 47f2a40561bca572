"""What readers get while the database cannot be reached.

A page kept in the page cache is served as it was last rendered, however old;
anything else gets a 503 in the site's design, with Retry-After, rendered
without touching the database. Nothing is cached of either, and Django
reconnects by itself on the next request once the database is back
(CONN_HEALTH_CHECKS).
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

from kronika.pagecache.serving import PageCacheMiddleware
from kronika.pagecache.store import page_cache

logger = logging.getLogger(__name__)

# Errors that mean "the database is not there" rather than "this query is wrong":
# a refused or dropped connection, a server shutting down, a locked SQLite file.
UNAVAILABLE = (OperationalError, InterfaceError)


def unavailable(request, error: Exception):
    logger.warning("The database is unavailable for %s: %s", request.path, error)
    key = page_cache.key_for(request.META) if page_cache.enabled else None
    entry = page_cache.lookup_stale(key) if key else None
    if entry is not None:
        response = PageCacheMiddleware.from_entry(entry, request)
        response["X-Kronika-Cache"] = "stale"
        return response
    return service_unavailable()


def service_unavailable():
    body = render_to_string(
        "unavailable.html",
        {
            "site_name": settings.WAGTAIL_SITE_NAME,
            "retry_after": settings.KRONIKA_RETRY_AFTER_SECONDS,
        },
    )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(settings.KRONIKA_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Answer a view that failed for want of a database with `unavailable`.

    Failures outside views (in other middleware) reach the 500 handler, which
    makes the same decision (kronika.base.views.server_error).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE):
            return unavailable(request, exception)
        return None
