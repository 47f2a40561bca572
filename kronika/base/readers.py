"""Who is posting, and whether a reader's form post may be processed at all.

Readers have no accounts, so comments and ratings recognise a client by a keyed
hash of its address and user agent. The raw address is never stored: the hash
cannot be reversed without the secret key, and it changes when the key does.
"""

import functools
import ipaddress
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.core import signing
from django.core.exceptions import RequestDataTooBig
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from kronika.base.middleware import PERSONAL_COOKIE_PREFIX
from kronika.base.views import render_error

# The largest id a database row can have: a larger number in an address is
# answered with 404 before it reaches a query that could overflow.
MAX_ID = 2**63 - 1


class Refused(Exception):
    """A reader's post turned away before anything is stored: the status and the
    words of the page that says so, and when to try again (Retry-After)."""

    def __init__(self, status: int, title: str, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message
        self.retry_after = retry_after


def client_ip(request) -> str:
    """The reader's address, taken from X-Forwarded-For only as far as proxies are trusted."""
    address = request.META.get("REMOTE_ADDR", "")
    hops = settings.KRONIKA_TRUSTED_PROXIES
    if hops:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        # Each trusted proxy appends the address it saw; anything further left
        # was written by the client and could be forged.
        if len(forwarded) >= hops:
            address = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return ""


def client_fingerprint(request) -> str:
    return fingerprint_of(client_ip(request), request.META.get("HTTP_USER_AGENT", ""))


def fingerprint_of(address: str, agent: str = "") -> str:
    """A keyed hash of a reader's address and browser: who they are, without keeping either."""
    return salted_hmac(
        "kronika.readers.client", f"{address}\n{agent[:512]}", algorithm="sha256"
    ).hexdigest()


def article_cookie(request, name: str, salt: str, article) -> dict | None:
    """A reader's own signed state about one article; None if absent, forged or another's."""
    try:
        data = signing.loads(request.COOKIES.get(name, ""), salt=salt)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("a") != article.pk:
        return None
    return data


def set_article_cookie(response, name: str, salt: str, article, data: dict, max_age: int):
    """Keep a reader's own state about an article in a signed cookie scoped to its path.

    Named kronika_*, so that shared caches pass requests carrying it to the app,
    and scoped to the article, so that the reader's other pages stay cacheable.
    """
    if not name.startswith(PERSONAL_COOKIE_PREFIX):
        raise ValueError(f"A reader's own cookie must be named {PERSONAL_COOKIE_PREFIX}*.")
    response.set_cookie(
        name,
        signing.dumps({**data, "a": article.pk}, salt=salt),
        max_age=max_age,
        path=urlsplit(article.get_url()).path,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _origin_verdict(request) -> bool | None:
    """Whether a browser says the post came from this site; None when it says nothing.

    Reader pages are served from a shared cache, so they cannot carry a
    per-reader CSRF token. Every current browser sends Sec-Fetch-Site or Origin
    with a form post, and a cross-site forgery cannot fake either.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin:
        if origin == "null":
            return False
        # CommonMiddleware has already refused a Host outside ALLOWED_HOSTS.
        own = f"{request.scheme}://{request.get_host()}"
        return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS
    return None


def largest_reader_form() -> int:
    """The most bytes a reader's form may hold: twice the longest comment, encoded.

    A comment somewhat too long comes back in the form, to be shortened. A post
    far larger is refused before it is parsed: decoding a megabyte of %-escapes
    alone took a second, and again for every parse.
    """
    # Each character takes at most four UTF-8 bytes, each sent as three (%XX).
    return 2 * settings.KRONIKA_COMMENTS_MAX_LENGTH * 12 + 4096


def _too_large(request):
    return render_error(
        request,
        413,
        _("Form too large"),
        _("The form you sent is larger than this site accepts."),
    )


def _forgery_refusal(request):
    """A 403 for a post another site sent, or that carries no valid CSRF token; else None.

    Checked before anything about the form itself, so that a forgery is refused
    alike however it is encoded.
    """
    verdict = _origin_verdict(request)
    if verdict is False:
        return render_error(
            request,
            403,
            _("Form refused"),
            _("This form was sent from another site. Please use the form on the article page."),
        )
    if verdict is None:
        try:
            return CsrfViewMiddleware(lambda _request: None).process_view(request, None, (), {})
        except RequestDataTooBig:
            return _too_large(request)
    return None


def reader_form_post(view):
    """Accept only a well-formed form post from this site's own pages.

    Each refusal is a 4xx with a sentence a reader can act on, before the view
    touches the database.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            response = render_error(
                request, 405, _("Method not allowed"), _("This address only accepts a sent form.")
            )
            response["Allow"] = "POST"
            return response
        refusal = _forgery_refusal(request)
        if refusal is not None:
            return refusal
        if request.content_type != "application/x-www-form-urlencoded":
            return render_error(
                request,
                415,
                _("Unsupported form"),
                _("Send the form from the article page, as an ordinary web form."),
            )
        try:
            raw = request.body
        except RequestDataTooBig:
            return _too_large(request)
        if len(raw) > largest_reader_form():
            return _too_large(request)
        try:
            parse_qsl(
                raw.decode("ascii"),
                keep_blank_values=True,
                encoding="utf-8",
                errors="strict",
                max_num_fields=settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
            )
        except (UnicodeDecodeError, ValueError):
            return render_error(
                request,
                400,
                _("Unreadable form"),
                _(
                    "The form was not valid UTF-8 text. "
                    "Please send it again from the article page."
                ),
            )
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)
