import logging

from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def render_error(request, status: int, title: str, message: str) -> HttpResponse:
    """An error page in the site's own design that cannot itself fail.

    If the design cannot be rendered (the database is down, say), a bare page
    with the same words is sent instead of a traceback.
    """
    context = {"error_title": title, "error_message": message, "status": status}
    try:
        body = render_to_string("error.html", context, request=request)
    except Exception as error:
        # A warning, not a traceback: a forged Host header alone makes the design
        # fail, and every such request would otherwise flood the log.
        logger.warning("The %s page fell back to plain HTML: %r", status, error)
        body = render_to_string("error_minimal.html", context)
    return HttpResponse(body, status=status)


def bad_request(request, exception=None):
    return render_error(request, 400, "Bad request", "The request could not be understood.")


def permission_denied(request, exception=None):
    return render_error(
        request, 403, "Not allowed", "You do not have permission to see this page."
    )


def csrf_failure(request, reason=""):
    return render_error(
        request,
        403,
        "Form refused",
        "This form could not be verified. Go back, reload the page and send it again.",
    )


def page_not_found(request, exception=None):
    return render_error(
        request,
        404,
        "Page not found",
        "We could not find that page. It may have moved, or the address may be mistyped.",
    )


def server_error(request):
    return render_error(request, 500, "Something went wrong", "Please try again in a moment.")


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
