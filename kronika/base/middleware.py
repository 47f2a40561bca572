import hashlib
import re

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from kronika.base.views import render_error
from kronika.request_limits import ADDRESS_TOO_LONG, HEADERS_TOO_LARGE, refusal

REFUSALS = {
    HEADERS_TOO_LARGE: (
        _("Request headers too large"),
        _(
            "Your browser sent more header data than this site accepts. "
            "Clearing this site's cookies usually helps."
        ),
    ),
    ADDRESS_TOO_LONG: (
        _("Address too long"),
        _("The address you followed is longer than this site accepts."),
    ),
}


class RequestLimitsMiddleware:
    """Refuse requests that are malformed before any view spends time on them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        status = refusal(request.META)
        if status is not None:
            return render_error(request, status, *REFUSALS[status])
        return self.get_response(request)


PERSONAL_COOKIE_PREFIX = "kronika_"


def has_personal_cookie(request) -> bool:
    """Whether the request carries a reader's own state (a pending comment, a vote).

    Such cookies are scoped to one article's path, so only that reader's views
    of that article skip shared caches; everyone else still gets the cached page.
    """
    return any(name.startswith(PERSONAL_COOKIE_PREFIX) for name in request.COOKIES)


class CacheHeadersMiddleware:
    """The one place that decides how long browsers and shared caches keep a response.

    Reader pages sent to anonymous visitors may be kept by a CDN or nginx for
    KRONIKA_CACHE_SHARED_MAX_AGE seconds and served stale while revalidating or
    when the site is down; everything personal or for editors is never stored.
    A reader's own state travels in cookies named kronika_*; nginx and CDNs
    bypass their cache for requests that carry one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if self.is_public(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.KRONIKA_CACHE_BROWSER_MAX_AGE,
                s_maxage=settings.KRONIKA_CACHE_SHARED_MAX_AGE,
                stale_while_revalidate=settings.KRONIKA_CACHE_STALE_WHILE_REVALIDATE,
                stale_if_error=settings.KRONIKA_CACHE_STALE_IF_ERROR,
            )
        else:
            patch_cache_control(response, private=True, no_store=True)
        return response

    @staticmethod
    def is_public(request, response) -> bool:
        user = getattr(request, "user", None)
        return (
            not has_personal_cookie(request)
            and request.method in ("GET", "HEAD")
            and response.status_code in (200, 301, 404)
            and not (user is not None and user.is_authenticated)
            and not request.path.startswith("/admin/")
            and not response.cookies
        )


# Hidden inputs marked data-volatile (a form's "shown at" token) change on every
# render without changing what the page says.
VOLATILE_INPUT = re.compile(rb'<input type="hidden" name="[^"]*" value="[^"]*" data-volatile')


class StableETagMiddleware:
    """A weak ETag that ignores volatile form tokens, so unchanged pages still get 304s.

    Sits inside ConditionalGetMiddleware, which answers If-None-Match with it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.streaming
            and not response.has_header("ETag")
            and response.get("Content-Type", "").startswith("text/html")
        ):
            stable = VOLATILE_INPUT.sub(b"", response.content)
            response["ETag"] = f'W/"{hashlib.md5(stable, usedforsecurity=False).hexdigest()}"'
        return response
