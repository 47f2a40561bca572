"""What readers get while the database cannot be reached.

A page kept in the page cache is served as it was last rendered, however old;
anything else gets a 503 in the site's design, with Retry-After, rendered
without touching the database. Nothing is cached of either, and Django
reconnects by itself on the next request once the database is back
(CONN_HEALTH_CHECKS).

Only an error that says the database cannot be reached is an outage.
Django raises OperationalError for far more: a query interrupted or stopped
by a statement timeout, one past a limit (too many SQL variables, a
statement too complex), a full disk, a deadlock. Those are this request's
failure while the database serves everyone else: taking them for an outage
would answer a bug or a slow search with "back soon", log it as a warning
and hide it from the error log. They reach the 500 handler, logged with
their traceback. So the driver's own error (Django keeps it as __cause__)
decides:

- SQLite names its error by code. The file cannot be opened (CANTOPEN), read
  or written (IOERR), or another process holds it past the busy timeout
  (BUSY, LOCKED): nobody can use the database now, and may soon.
  INTERRUPT, FULL, TOOBIG, a plain ERROR ("too many SQL variables") and the
  rest are this query's.
- PostgreSQL names it by SQLSTATE. None at all is a failure on the client's
  side of the connection: refused, dropped, timed out while connecting.
  Class 08 is a connection exception, and 57P01 to 57P05 a server shutting
  down, crashed, starting up, dropped or closing an idle session; 53300 is a
  server that takes no more connections. 57014 (query_canceled, which a
  statement_timeout raises), class 53 otherwise (disk full, out of memory),
  54 (program limits), 40 (serialization failure, deadlock) and 55 (lock not
  available) are this query's.
- InterfaceError means the connection itself is closed or unusable: an outage.

An error from neither driver is not an outage: a 500 that is logged is the
safe mistake, a 503 that hides a bug is not.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

from kronika.pagecache.serving import PageCacheMiddleware
from kronika.pagecache.store import page_cache

logger = logging.getLogger(__name__)

# What a failing database raises; is_outage() tells an outage from one query's failure.
UNAVAILABLE = (OperationalError, InterfaceError)

# Primary result codes (https://sqlite.org/rescode.html), the low byte of an extended one.
SQLITE_OUTAGES = frozenset(
    {
        5,  # SQLITE_BUSY: "database is locked", past the busy timeout
        6,  # SQLITE_LOCKED: a table locked by another connection
        10,  # SQLITE_IOERR: the file cannot be read or written
        14,  # SQLITE_CANTOPEN: "unable to open database file"
    }
)
POSTGRES_OUTAGES = frozenset({"57P01", "57P02", "57P03", "57P04", "57P05", "53300"})


def is_outage(error: Exception) -> bool:
    """Whether `error` means the database cannot be reached, not that one query failed."""
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    code = getattr(cause, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in SQLITE_OUTAGES
    if type(cause).__module__.startswith("psycopg"):
        state = getattr(cause, "sqlstate", None)
        return state is None or state.startswith("08") or state in POSTGRES_OUTAGES
    return False


def unavailable(request, error: Exception):
    logger.warning("The database is unavailable for %s: %s", request.path, error)
    dependencies = getattr(request, "page_cache", None)
    if dependencies is not None:
        # What the view declared before the database failed it must not make
        # this answer (an old copy, or a 503) the page cache's current one.
        dependencies.cacheable = False
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
        if is_outage(exception):
            return unavailable(request, exception)
        return None
