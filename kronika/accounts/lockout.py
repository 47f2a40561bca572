"""What a locked-out sign-in is answered with: 429, in the admin's own design."""

from axes.helpers import get_cool_off
from django.http import HttpResponse
from django.template.loader import render_to_string

from kronika.base.views import render_error

TITLE = "Too many failed sign-ins"


def locked_out(request, original_response=None, credentials=None) -> HttpResponse:
    """The same answer for every account name, existing or not, so it tells nothing.

    Sign-in forms live in the admin; anything else gets the site's error page.
    """
    minutes = max(1, round(get_cool_off(request).total_seconds() / 60))
    message = (
        "Signing in is paused for this account or this network after too many failed "
        f"attempts. Try again in {minutes} minutes, or reset your password."
    )
    if request.path.startswith("/admin/"):
        response = HttpResponse(
            render_to_string(
                "accounts/locked_out.html",
                {"title": TITLE, "message": message},
                request=request,
            ),
            status=429,
        )
    else:
        response = render_error(request, 429, TITLE, message)
    response["Retry-After"] = str(minutes * 60)
    return response
