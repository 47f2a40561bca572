"""Log formatting: one JSON object per line for log collectors, and no secrets in either format.

Secrets reach logs by accident: a Bot API URL carries the bot token in its
path, a database URL its password, an exception its request. Redaction is
applied to the finished line, tracebacks included, so it holds whatever the
caller put into the message.
"""

import logging
import re

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
