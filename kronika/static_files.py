"""The site's own static files, served from STATIC_ROOT before Django's request cycle.

WhiteNoise answers /static/ inside the WSGI application: each text file goes
out as the .br or .gz copy made when it was collected
(kronika.base.static_storage), chosen by Accept-Encoding, with
Vary: Accept-Encoding. Granian's own static files could do neither, nor add
headers: here every answer, a file, a 304 or a 405, carries the security
headers the app's responses carry (nosniff, Content-Security-Policy,
Referrer-Policy, HSTS, ...), taken from the very middleware that sets them, so
the two cannot drift apart.

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


class WhiteNoiseWithSecurityHeaders(WhiteNoise):
    """WhiteNoise that sends the security headers with every answer, not only with a file.

    A revalidation answered 304 and a POST answered 405 are built by WhiteNoise
    from a few headers of its own; they go out with the security headers too,
    added to the list WhiteNoise hands on, which costs a list's concatenation.
    """

    def __init__(self, application, security_headers: list[tuple[str, str]], **options):
        super().__init__(application, **options)
        self.security_headers = security_headers

    def serve(self, static_file, environ, start_response):
        def start_with_security_headers(status, headers, *exc_info):
            return start_response(status, headers + self.security_headers, *exc_info)

        return super().serve(static_file, environ, start_with_security_headers)


def with_static_files(application):
    return WhiteNoiseWithSecurityHeaders(
        application,
        security_headers(),
        root=settings.STATIC_ROOT,
        prefix=settings.STATIC_URL,
        max_age=60,
        immutable_file_test=lambda path, url: bool(HASHED_NAME.search(url)),
        # Pages load static files from their own origin only.
        allow_all_origins=False,
    )
