"""Log formatting: one JSON object per line for log collectors, and no secrets in either format.

Secrets reach logs by accident: a Bot API URL carries the bot token in its
path, a database URL its password, an exception its request. Redaction is
applied to the finished line, tracebacks included, so it holds whatever the
caller put into the message.
"""

import logging
import re
import threading
from datetime import datetime
from time import monotonic

from django.conf import settings
from pythonjsonlogger.json import JsonFormatter

REDACTED = "[redacted]"

PATTERNS = (
    # Telegram bot tokens: the bot's number, a colon, 35 characters (in a URL: /bot<token>/).
    re.compile(r"\b\d{6,12}:[A-Za-z0-9_-]{30,}"),
    re.compile(r"(?<=/bot)[^/\s\"']+"),
    # The password in a URL's authority: postgres://user:password@host, redis://:password@host.
    re.compile(r"(?<=://)([^/\s:@\"']*):[^@\s/\"']+(?=@)"),
    # Secrets passed as key=value or "key": "value" (settings, headers, form fields).
    re.compile(
        r"(?i)((?:secret|password|passwd|token|api[_-]?key|authorization|cookie|sessionid)"
        r"[\"']?\s*[:=]\s*[\"']?)[^\s\"',;&}]+"
    ),
)


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    text = PATTERNS[0].sub(REDACTED, text)
    text = PATTERNS[1].sub(REDACTED, text)
    text = PATTERNS[2].sub(lambda match: f"{match.group(1)}:{REDACTED}", text)
    return PATTERNS[3].sub(lambda match: match.group(1) + REDACTED, text)


def configured_secrets() -> tuple[str, ...]:
    """The literal secrets in this process's settings, longest first."""
    from django.conf import settings

    if not settings.configured:
        return ()
    values = [
        getattr(settings, "SECRET_KEY", ""),
        getattr(settings, "KRONIKA_TELEGRAM_BOT_TOKEN", ""),
        getattr(settings, "AWS_S3_SECRET_ACCESS_KEY", None) or "",
        *(database.get("PASSWORD") or "" for database in settings.DATABASES.values()),
    ]
    return tuple(sorted({v for v in values if len(v) >= 8}, key=len, reverse=True))


class RedactingFormatter(logging.Formatter):
    def format(self, record):
        return redact(super().format(record), configured_secrets())


class RedactingJsonFormatter(JsonFormatter):
    def format(self, record):
        return redact(super().format(record), configured_secrets())


# The page editor's views that Wagtail's autosave posts the open form to.
AUTOSAVED_VIEWS = frozenset({"wagtailadmin_pages:add", "wagtailadmin_pages:edit"})


class QuietAutosaveFilter(logging.Filter):
    """Drops django.request's "Bad Request" for an autosave of a form not yet valid.

    Wagtail's autosave posts the editor's form in the background while the
    article is being written, and gets 400 while a required field is empty:
    that is the editor typing, not a fault, and it made a warning a minute.
    An autosave is told apart from the editor's own Save by what it accepts:
    JSON, where the browser's own form post accepts HTML.
    """

    def filter(self, record):
        request = getattr(record, "request", None)
        if getattr(record, "status_code", None) != 400 or request is None:
            return True
        match = getattr(request, "resolver_match", None)
        autosave = (
            request.method == "POST"
            and match is not None
            and match.view_name in AUTOSAVED_VIEWS
            and not request.accepts("text/html")
        )
        return not autosave


# Hosts logged a minute, per server process; requests for any more are counted.
BAD_HOST_LINES_PER_MINUTE = 10
# Longer Host headers and paths are cut, so that a line stays a line's length.
LOGGED_TEXT_LENGTH = 200


def requested_host(request) -> str:
    """The host a request named, as Django's get_host() reads it before checking it."""
    meta = request.META
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in meta:
        return meta["HTTP_X_FORWARDED_HOST"]
    return meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")


class BadHostFilter(logging.Filter):
    """Makes Django's report of a Host outside ALLOWED_HOSTS one WARNING line, a few a minute.

    Django logs each such request at ERROR with the traceback of DisallowedHost,
    13 lines for what is a scanner or a stray DNS name pointing here, not a
    fault: the reader already has the 400 page. Anyone can send such requests as
    fast as they like, each naming a different host, so a line per host would
    not bound a flood: in each minute, the first request for a host is logged,
    for at most BAD_HOST_LINES_PER_MINUTE hosts, and the rest are only counted.
    The count goes out on the next minute's first line, so a flood still shows
    how big it was. The state is per server process and costs a set of at most
    BAD_HOST_LINES_PER_MINUTE hosts.
    """

    def __init__(self):
        super().__init__()
        self._lock = threading.Lock()
        self._minute_began = self._minute_began_at = None
        self._hosts_logged = set()
        self._unlogged = 0

    def _admit(self, host: str) -> tuple[bool, str]:
        """Whether to log this request, and what the minute before left unlogged."""
        earlier = ""
        with self._lock:
            now = monotonic()
            if self._minute_began is None or not 0 <= now - self._minute_began < 60:
                if self._unlogged:
                    began = self._minute_began_at.isoformat(timespec="seconds")
                    earlier = f"; {self._unlogged} more such requests in the minute from {began}"
                self._minute_began, self._minute_began_at = now, datetime.now().astimezone()
                self._hosts_logged.clear()
                self._unlogged = 0
            if host in self._hosts_logged or len(self._hosts_logged) >= BAD_HOST_LINES_PER_MINUTE:
                self._unlogged += 1
                return False, earlier
            self._hosts_logged.add(host)
        return True, earlier

    def filter(self, record):
        request = getattr(record, "request", None)
        if request is None:
            return True
        host = requested_host(request)[:LOGGED_TEXT_LENGTH]
        logged, earlier = self._admit(host)
        if not logged:
            return False
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = None
        record.msg = "Host %r is not in KRONIKA_ALLOWED_HOSTS: %s %s answered 400%s"
        path = request.path[:LOGGED_TEXT_LENGTH].encode("unicode_escape").decode("ascii")
        record.args = (host, request.method, path, earlier and earlier + " were not logged")
        return True
