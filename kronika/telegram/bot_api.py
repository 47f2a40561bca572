"""A small client for the Telegram Bot API, speaking HTTP itself.

It tells apart the three ways a call can go wrong, because they call for
different action: Telegram answered with an error; the request never left
(safe to retry); or it left and no answer came back (it may have been posted).
The token is part of the address only, and no message here ever contains it.
"""

import http.client
import json
import secrets
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings


class NotSent(Exception):
    """The request did not reach the Bot API: nothing can have been posted."""


class Uncertain(Exception):
    """The request was sent but no answer came: it may or may not have been posted."""


@dataclass
class Answer:
    status: int
    ok: bool
    result: object = None
    description: str = ""
    retry_after: int | None = None
    duration_ms: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return "message is not modified" in self.description


class BotApi:
    def __init__(self, token: str, base: str | None = None, timeout: float | None = None):
        self.token = token
        self.base = urlsplit((base or settings.KRONIKA_TELEGRAM_API_BASE).rstrip("/"))
        self.timeout = timeout or settings.KRONIKA_TELEGRAM_TIMEOUT

    def call(self, method: str, params: dict, files: dict | None = None) -> Answer:
        """Call `method`; files map a field name to (filename, bytes, content type)."""
        if files:
            body, content_type = _multipart(params, files)
        else:
            body, content_type = json.dumps(params).encode(), "application/json"
        connection_class = (
            http.client.HTTPSConnection
            if self.base.scheme == "https"
            else http.client.HTTPConnection
        )
        connection = connection_class(self.base.hostname, self.base.port, timeout=self.timeout)
        started = time.monotonic()
        try:
            try:
                connection.connect()
            except OSError as error:
                raise NotSent(
                    f"Cannot reach the Bot API at {self.base.netloc}: {_reason(error)}"
                ) from None
            try:
                connection.request(
                    "POST",
                    f"{self.base.path}/bot{self.token}/{method}",
                    body=body,
                    headers={"Content-Type": content_type, "Content-Length": str(len(body))},
                )
                response = connection.getresponse()
                raw = response.read()
            except (OSError, http.client.HTTPException) as error:
                # `from None`: a chained traceback could show the address, token included.
                raise Uncertain(
                    f"No answer from the Bot API to {method}: {_reason(error)}"
                ) from None
        finally:
            connection.close()
        duration_ms = int((time.monotonic() - started) * 1000)
        try:
            data = json.loads(raw)
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        parameters = data.get("parameters") or {}
        return Answer(
            status=response.status,
            ok=bool(data.get("ok")) and response.status == 200,
            result=data.get("result"),
            description=str(data.get("description") or f"HTTP {response.status}")[:400],
            retry_after=parameters.get("retry_after"),
            duration_ms=duration_ms,
        )


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or type(error).__name__


def _multipart(params: dict, files: dict) -> tuple[bytes, str]:
    boundary = f"kronika-{secrets.token_hex(12)}"
    parts = []
    for name, value in params.items():
        text = value if isinstance(value, str) else json.dumps(value)
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + text.encode()
            + b"\r\n"
        )
    for name, (filename, content, content_type) in files.items():
        parts.append(
            (
                f"--{boundary}\r\nContent-Disposition: form-data; "
                f'name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n"
            ).encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
