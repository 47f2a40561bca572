"""The site's own static files, served from STATIC_ROOT before Django's request cycle.

WhiteNoise answers /static/ inside the WSGI application: each text file goes
out as the .br or .gz copy made when it was collected
(kronika.base.static_storage), chosen by Accept-Encoding, with
Vary: Accept-Encoding. Granian's own static files could do neither, nor add
headers: here every file carries the security headers the app's responses
carry (nosniff, Content-Security-Policy, Referrer-Policy, HSTS, ...), taken
from the very middleware that sets them, so the two cannot drift apart.

Hashed names are kept for good (immutable); any other name for a minute.
WhiteNoise gives every encoding of a file the same ETag; as the names are
immutable, browsers do not revalidate them, and a revalidation that matches
means the file is unchanged whichever encoding the client holds.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from whitenoise import WhiteNoise

from kronika.base.static_storage import HASHED_NAME

# The middleware (in settings.MIDDLEWARE) that put security headers on every response.
HEADER_MIDDLEWARE = (
    "django.middleware.security.SecurityMiddleware",
    "kronika.security.headers.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
)
# Set by WhiteNoise for each file.
FILE_HEADERS = {"content-type", "content-length"}


class _StaticFileRequest(HttpRequest):
    """A request for a static file, over HTTPS as readers' are in production."""

    def _get_scheme(self):
        return "https"


def security_headers() -> list[tuple[str, str]]:
    request = _StaticFileRequest()
    request.method = "GET"
    request.path = request.path_info = settings.STATIC_URL
    handler = lambda request: HttpResponse()  # noqa: E731
    for name in reversed(HEADER_MIDDLEWARE):
        handler = import_string(name)(handler)
    response = handler(request)
    return [(name, value) for name, value in response.items() if name.lower() not in FILE_HEADERS]


def with_static_files(application):
    headers = security_headers()

    def add_headers(file_headers, path, url):
        for name, value in headers:
            file_headers[name] = value

    return WhiteNoise(
        application,
        root=settings.STATIC_ROOT,
        prefix=settings.STATIC_URL,
        max_age=60,
        immutable_file_test=lambda path, url: bool(HASHED_NAME.search(url)),
        # Pages load static files from their own origin only.
        allow_all_origins=False,
        add_headers_function=add_headers,
    )
