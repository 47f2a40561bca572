import logging
import re
import sys

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kronika.base import outage

logger = logging.getLogger(__name__)


def render_error(request, status: int, title: str, message: str, **extra) -> HttpResponse:
    """An error page in the site's own design that cannot itself fail.

    If the design cannot be rendered (the database is down, say), a bare page
    with the same words is sent instead of a traceback. `extra` is more context
    for the design.
    """
    context = {"error_title": title, "error_message": message, "status": status, **extra}
    try:
        body = render_to_string("error.html", context, request=request)
    except Exception as error:
        # A warning, not a traceback: a forged Host header alone makes the design
        # fail, and every such request would otherwise flood the log.
        logger.warning("The %s page fell back to plain HTML: %r", status, error)
        body = render_to_string("error_minimal.html", context)
    return HttpResponse(body, status=status)


def bad_request(request, exception=None):
    return render_error(request, 400, _("Bad request"), _("The request could not be understood."))


def permission_denied(request, exception=None):
    return render_error(
        request, 403, _("Not allowed"), _("You do not have permission to see this page.")
    )


def csrf_failure(request, reason=""):
    return render_error(
        request,
        403,
        _("Form refused"),
        _("This form could not be verified. Go back, reload the page and send it again."),
    )


# The words of an address's last part: /news/harbour-reopens/ asks for "harbour reopens".
ADDRESS_WORDS = re.compile(r"[^\W_]+")


def words_of_address(path: str) -> str:
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return " ".join(ADDRESS_WORDS.findall(last))[:100]


def page_not_found(request, exception=None):
    # The page offers a search for the words of the address, and the latest headlines.
    return render_error(
        request,
        404,
        _("Page not found"),
        _("We could not find that page. It may have moved, or the address may be mistyped."),
        looked_for=words_of_address(request.path),
    )


def server_error(request):
    error = sys.exc_info()[1]
    if outage.is_outage(error):
        return outage.unavailable(request, error)
    return render_error(
        request, 500, _("Something went wrong"), _("Please try again in a moment.")
    )


@never_cache
def healthz(request):
    """The process is alive and answering: whether to restart it."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    """Whether this server can do its work: whether a load balancer should send it readers.

    Only the database decides. The shared cache (Redis) is reported, but the
    site serves without it (see kronika.base.rediscache), and taking every
    server out of rotation because the one Redis they share is down would turn
    a slower site into no site.
    """
    checks = {"database": _check_database(), "cache": _check_cache()}
    ready = checks["database"] == "ok"
    status = ("ready" if checks["cache"] == "ok" else "degraded") if ready else "unavailable"
    response = JsonResponse({"status": status, **checks}, status=200 if ready else 503)
    if not ready:
        response["Retry-After"] = "5"
    return response


def _check_database() -> str:
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except outage.UNAVAILABLE as error:
        logger.warning("Readiness: the database cannot be reached: %s", error)
        return "unreachable"
    return "ok"


def _check_cache() -> str:
    probe, token = "readyz", get_random_string(12)
    try:
        ping = getattr(cache, "ping", None)
        if ping is not None:
            ping()
        cache.set(probe, token, timeout=10)
        if cache.get(probe) != token:
            return "unreachable"
    except Exception as error:
        logger.warning("Readiness: the cache cannot be reached: %s", error)
        return "unreachable"
    return "ok"
