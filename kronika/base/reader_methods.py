"""Reader pages are only read: GET and HEAD.

Every other method (POST, PUT, PATCH, DELETE, OPTIONS, TRACE, …) gets the
site's readable 405 page with `Allow: GET, HEAD`, whatever CSRF token it
carries. The forms readers send go to addresses of their own (/comments/…,
/ratings/…), never to the page they are on. OPTIONS is refused like the rest,
rather than answered with a 200: the page supports no method but the two its
Allow names, and the answer is the same for every method it does not take.
"""

import functools

from django.http import HttpResponse
from django.utils.translation import gettext as _

from kronika.base.views import render_error

READ_METHODS = ("GET", "HEAD")


def method_refusal(request) -> HttpResponse | None:
    """The 405 page for a method other than GET or HEAD, or None."""
    if request.method in READ_METHODS:
        return None
    response = render_error(
        request,
        405,
        _("Method not allowed"),
        _("This page can only be read: it accepts no forms and no changes."),
    )
    response["Allow"] = ", ".join(READ_METHODS)
    return response


def only_get_and_head(view):
    """A view that answers GET and HEAD, and the 405 page to anything else."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        refusal = method_refusal(request)
        if refusal is not None:
            return refusal
        return view(request, *args, **kwargs)

    return wrapped
