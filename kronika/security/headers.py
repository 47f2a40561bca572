"""The Content-Security-Policy: one strict policy for the whole site, relaxed in
the newsroom (/admin/) for signed-in staff, only where Wagtail's admin cannot
work without it (see KRONIKA_ADMIN_CSP in the settings).

The policy carries no nonce on purpose: pages are kept whole in the page cache
and in shared caches, and a nonce replayed to every reader protects nothing.
Our own pages therefore have no inline script at all.
"""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

# A preview is a reader page rendered from an unreviewed draft, inside a frame of
# the admin: it keeps the readers' strict policy, but may be framed by the admin.
PREVIEW = {"frame-ancestors": ["'self'"]}
# What every policy on the site says, including those views set themselves
# (Wagtail sends documents with just "default-src 'none'").
FLOOR = {"object-src": "'none'", "base-uri": "'none'", "frame-ancestors": "'none'"}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        own_policy = response.get(HEADER)
        if own_policy is not None:
            named = {part.split()[0] for part in own_policy.split(";") if part.strip()}
            missing = [f"{name} {value}" for name, value in FLOOR.items() if name not in named]
            if missing:
                response[HEADER] = "; ".join([own_policy.rstrip("; "), *missing])
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view that set a policy of its own (a document download) keeps it whole.
        if report_only or parts.config is not None:
            return parts
        # Wagtail renders a preview through the middleware again, with a request of
        # its own, and the first policy set is the one sent.
        if getattr(request, "is_preview", False) or getattr(request, "is_dummy", False):
            parts.replace = {**PREVIEW, **(parts.replace or {})}
        elif in_the_newsroom(request):
            parts.replace = {**settings.KRONIKA_ADMIN_CSP, **(parts.replace or {})}
        return parts


def in_the_newsroom(request) -> bool:
    """Signed-in staff in the admin; pages anyone can reach (login, password reset) are not."""
    user = getattr(request, "user", None)
    return (
        request.path_info.startswith("/admin/")
        and user is not None
        and user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
    )
