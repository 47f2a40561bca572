"""How the site sends e-mail: KRONIKA_EMAIL_URL and KRONIKA_EMAIL_FROM (docs/email.md).

Read once by the settings. One address names the server and how to reach it:

- `smtp://user:password@host:587`: SMTP with STARTTLS, which is required, so
  that a password never crosses a network in the clear. A relay on this very
  machine (localhost, 127.0.0.1, ::1) is the one exception: mail to it never
  leaves the host, and such relays seldom have a certificate.
- `smtps://user:password@host:465`: TLS from the first byte (implicit TLS).
- `file:///path/to/dir`: each message written to a file there, sent nowhere.

Unset, mail is written under KRONIKA_DATA_DIR/mail: a new install, and
`kronika demo`, lose nothing and send nothing until an operator names a server.
A user name or password with reserved characters is percent-encoded in the
address, as in any URL ("p%40ss" for "p@ss").

Anything else is refused at start-up in one line, rather than discovered when
the first reader's confirmation mail goes nowhere.
"""

from email.headerregistry import Address
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

LOOPBACK = {"localhost", "127.0.0.1", "::1"}
DEFAULT_PORTS = {"smtp": 587, "smtps": 465}
# Long enough for a slow relay, short enough that a request or a worker is not
# held for minutes by a server that never answers.
TIMEOUT_SECONDS = 20


def email_settings(url: str, data_dir: Path) -> dict:
    """Django's EMAIL_* settings for the server that `url` names."""
    if not url:
        return _to_files(data_dir / "mail")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise _refused(url, str(error)) from None
    if parts.scheme == "file":
        if parts.netloc or not parts.path.startswith("/"):
            raise _refused(url, "a file address is file:///absolute/path")
        return _to_files(Path(unquote(parts.path)))
    if parts.scheme not in DEFAULT_PORTS:
        raise _refused(url, "it must start with smtp://, smtps:// or file://")
    if not parts.hostname:
        raise _refused(url, "it names no server")
    implicit_tls = parts.scheme == "smtps"
    starttls = not implicit_tls and parts.hostname not in LOOPBACK
    return {
        "KRONIKA_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or DEFAULT_PORTS[parts.scheme],
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": implicit_tls,
        "EMAIL_USE_TLS": starttls,
        "EMAIL_TIMEOUT": TIMEOUT_SECONDS,
    }


def _to_files(directory: Path) -> dict:
    return {
        "KRONIKA_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(directory),
    }


def _refused(url: str, why: str) -> ImproperlyConfigured:
    # The address may hold a password: the message names its scheme and host only.
    shown = f"{urlsplit(url).scheme}://…" if "://" in url else "the value given"
    return ImproperlyConfigured(
        f"KRONIKA_EMAIL_URL ({shown}) is not understood: {why}. "
        "Use smtp://user:password@host:587, smtps://user:password@host:465 or file:///path."
    )


def sender(value: str, base_url: str, site_name: str) -> str:
    """The From of every mail: KRONIKA_EMAIL_FROM, by default the site's name at its host.

    A display name is allowed ("Kronika <news@example.org>"); a line break, or
    anything that is not one address, is refused, since the value goes into
    every message's headers.
    """
    if not value:
        host = urlsplit(base_url).hostname or ""
        # An address at an IP or a bare host name is one no mail server takes.
        if "." not in host or host.replace(".", "").isdigit() or ":" in host:
            host = "localhost.localdomain"
        return str(Address(site_name, "noreply", host))
    name, address = parseaddr(value)
    try:
        if "\n" in value or "\r" in value or not address:
            raise ValidationError("not one address")
        validate_email(address)
    except ValidationError:
        raise ImproperlyConfigured(
            "KRONIKA_EMAIL_FROM must be one address, such as news@example.org or "
            f"'Kronika <news@example.org>', got {value!r}."
        ) from None
    return str(Address(name, addr_spec=address)) if name else address
