"""WordPress's query-string links, such as /?p=123, redirected to where their content now is.

Wagtail's redirects answer only addresses that would otherwise be 404, and
/?p=123 is the home page, so these are looked up before it is served.
"""

from urllib.parse import urlencode

from django import http
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

# post, page, category, tag and attachment links of a WordPress site without pretty permalinks
QUERY_KEYS = frozenset({"p", "page_id", "cat", "tag", "attachment_id"})


class OldQueryLinksMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/" and request.method in ("GET", "HEAD"):
            # Only WordPress's own key counts: shared links carry tracking
            # parameters (?p=123&utm_source=…) that the redirect never saw.
            for key in sorted(QUERY_KEYS.intersection(request.GET)):
                path = Redirect.normalise_path(
                    f"/?{urlencode({key: request.GET[key]})}", decode_unicode=False
                )
                redirect = get_redirect(request, path)
                if redirect is not None and redirect.link:
                    if redirect.is_permanent:
                        return http.HttpResponsePermanentRedirect(redirect.link)
                    return http.HttpResponseRedirect(redirect.link)
        return self.get_response(request)
