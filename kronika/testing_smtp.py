"""A real SMTP server on loopback for the tests of everything the site mails.

Tests never mock `send_mail`: the site talks SMTP over a socket to an `SmtpSink`,
which takes over every message as a mail provider would and keeps it, parsed,
with its envelope (who the message is from and to, as the SMTP commands said,
which need not be what its headers say). It is aiosmtpd's Controller with a
handler of our own: the server's event loop runs in a thread of its own, so what
it records sits behind a lock, and `wait_for()` blocks until mail has arrived
rather than a test sleeping and hoping.

While it runs, a test can make it fail as providers do: refuse every message for
a while (`refuse_all`), reject one recipient (`reject_recipient`), ask for a
login (`login=`), or speak TLS, after STARTTLS or from the first byte (`tls=`),
with a throwaway certificate that clients trust through `certificate_path`.
`count_connections` tells whether messages shared a session.

    with SmtpSink() as sink:
        ...  # mail to sink.host, sink.port
        [mail] = sink.wait_for(1)
        mail.rcpt_tos, mail.message["Subject"]
"""

import atexit
import functools
import logging
import math
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from ssl import Purpose, SSLContext, create_default_context
from typing import Literal
from unittest import SkipTest

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from kronika.missing_tools import reason, tool

HOST = "127.0.0.1"
# The name the server greets with. Left unset, aiosmtpd looks up this machine's
# fully qualified name for every connection, which on a machine without working
# DNS takes seconds.
SERVER_NAME = "localhost"


def _not_aiosmtpds_own_deprecation(record: logging.LogRecord) -> bool:
    # aiosmtpd 1.4.6 sets the Session.login_data it deprecated at every successful
    # AUTH, and logs a warning about itself each time.
    return not record.getMessage().startswith("Session.login_data is deprecated")


logging.getLogger("mail.log").addFilter(_not_aiosmtpds_own_deprecation)


@dataclass(frozen=True)
class Received:
    """One message as the sink took it over: its envelope, then its content."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage
    # The bytes as sent, for what parsing hides: line lengths, transfer encodings.
    raw: bytes


# Certificates -------------------------------------------------------------------

_certificate_lock = threading.Lock()


def throwaway_certificate() -> tuple[Path, Path]:
    """(certificate, key) for 127.0.0.1 and localhost, made once per process.

    A test that needs one skips, as for any other program it lacks, where
    `openssl` is not installed.
    """
    with _certificate_lock:
        return _make_certificate()


@functools.cache
def _make_certificate() -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        raise SkipTest(
            reason(tool("openssl, for the test mail server", "apt-get install openssl"))
        )
    directory = Path(tempfile.mkdtemp(prefix="kronika-smtp-tls-"))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    certificate, key = directory / "certificate.pem", directory / "key.pem"
    made = subprocess.run(  # noqa: S603 - a fixed command, no input from outside
        [
            openssl, "req", "-x509", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            # A P-256 key is made in milliseconds, where RSA takes a noticeable while.
            "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            # A client checks the address it dialled, 127.0.0.1, against these names.
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            # The certificate is its own authority: a client given it as `cafile`
            # trusts it as one, even with X.509 checks as strict as Python 3.13's.
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,digitalSignature,keyCertSign",
            "-addext", "extendedKeyUsage=serverAuth",
            "-keyout", str(key), "-out", str(certificate),
        ],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    if made.returncode:
        raise RuntimeError(f"openssl could not make a certificate:\n{made.stderr}")
    return certificate, key


def server_tls_context() -> SSLContext:
    """The server's side of TLS with the throwaway certificate; clients show none."""
    certificate, key = throwaway_certificate()
    context = create_default_context(Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    return context


# The server -----------------------------------------------------------------------


class SmtpSink:
    """An SMTP server on 127.0.0.1 that keeps what it accepts; see the module's docstring.

    `login=(user, password)` requires AUTH (LOGIN or PLAIN) before MAIL FROM;
    `tls="starttls"` offers STARTTLS and refuses mail without it; `tls="implicit"`
    speaks TLS from the first byte, as on port 465.
    """

    def __init__(
        self,
        *,
        login: tuple[str, str] | None = None,
        tls: Literal["starttls", "implicit"] | None = None,
    ):
        if tls not in (None, "starttls", "implicit"):
            raise ValueError(f"tls is 'starttls', 'implicit' or None, not {tls!r}")
        self.login = login
        self.tls = tls
        self.host = HOST
        self.port: int | None = None
        self.certificate_path: Path | None = None
        # One lock for what the server's thread writes and the test's thread reads.
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._received: list[Received] = []
        self._connections = 0
        self._refusal: tuple[int, str, float] | None = None  # code, text, monotonic end
        self._rejected: dict[str, str] = {}  # lower-cased address -> reply
        self._controller: _Controller | None = None

    # Starting and stopping ---------------------------------------------------------

    def start(self) -> "SmtpSink":
        if self.tls:
            self.certificate_path = throwaway_certificate()[0]
        self._controller = _Controller(self, **self._server_options())
        self._controller.start()
        self.port = self._controller.port
        # Controller.start() connects once itself to check that the server answers;
        # that session is no client's.
        with self._lock:
            self._connections = 0
        return self

    def stop(self):
        """Close the port and end the server's thread; the records stay readable."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> "SmtpSink":
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    def _server_options(self) -> dict:
        """Keyword arguments for aiosmtpd's Controller and, through it, its SMTP class."""
        options = {"server_hostname": SERVER_NAME}
        if self.login:
            # aiosmtpd refuses AUTH on a connection without TLS (auth_require_tls),
            # and counts only STARTTLS as TLS, so it would refuse it under implicit
            # TLS too. On loopback there is nobody to overhear a password, and a test
            # that wants TLS before AUTH asks for tls="starttls", which requires it.
            options.update(authenticator=self._check_login, auth_require_tls=False)
        if self.tls == "starttls":
            options.update(tls_context=server_tls_context(), require_starttls=True)
        elif self.tls == "implicit":
            # On the listening socket itself, not offered by STARTTLS: TLS from the first byte.
            options.update(ssl_context=server_tls_context())
        return options

    # What arrived --------------------------------------------------------------------

    @property
    def received(self) -> list[Received]:
        """Every message accepted so far, with its envelope, oldest first."""
        with self._lock:
            return list(self._received)

    @property
    def messages(self) -> list[EmailMessage]:
        return [received.message for received in self.received]

    def to(self, address: str) -> list[EmailMessage]:
        """The messages whose envelope has `address` among its recipients, in any case."""
        wanted = address.lower()
        return [
            received.message
            for received in self.received
            if wanted in (recipient.lower() for recipient in received.rcpt_tos)
        ]

    def wait_for(self, count: int, timeout: float = 5.0) -> list[Received]:
        """Every message so far, once `count` have come; AssertionError after `timeout` s."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: len(self._received) >= count, timeout):
                raise AssertionError(
                    f"the SMTP sink expected {count} message(s) within {timeout} s "
                    f"but received {len(self._received)}: {self._describe_received()}"
                )
            return list(self._received)

    @property
    def count_connections(self) -> int:
        """How many SMTP sessions clients have opened since the sink started."""
        with self._lock:
            return self._connections

    def _describe_received(self) -> str:
        # Under the lock already: called from wait_for.
        return (
            "; ".join(
                f"{received.message['Subject']!r} to {', '.join(received.rcpt_tos)}"
                for received in self._received
            )
            or "nothing"
        )

    # Failing as providers do ---------------------------------------------------------

    def refuse_all(
        self,
        code: int = 421,
        text: str = "Service not available, try later",
        for_seconds: float | None = None,
    ):
        """Answer every MAIL FROM with `code`, for good or for `for_seconds` from now.

        At MAIL FROM, as a provider that throttles or is down for maintenance does:
        the client learns before it has sent a message, and smtplib raises
        SMTPSenderRefused with the code, which Django's backend passes on. A reply
        after DATA would blame the message itself, which this is not about. As
        RFC 5321 has it, the server closes the connection after a 421.
        """
        until = math.inf if for_seconds is None else time.monotonic() + for_seconds
        with self._lock:
            self._refusal = (code, text, until)

    def reject_recipient(self, address: str, code: int = 550, text: str = "No such user"):
        """Answer RCPT TO for `address` (in any case) with `code`; others get the message."""
        with self._lock:
            self._rejected[address.lower()] = f"{code} {text}"

    def accept_all(self):
        """Accept every message again: ends refuse_all and forgets the rejected recipients."""
        with self._lock:
            self._refusal = None
            self._rejected.clear()

    # Called from the server's thread -------------------------------------------------

    def _refusal_now(self) -> tuple[int, str] | None:
        with self._lock:
            if self._refusal is None:
                return None
            code, text, until = self._refusal
            if time.monotonic() >= until:
                self._refusal = None
                return None
            return code, text

    def _rejection_of(self, address: str) -> str | None:
        with self._lock:
            return self._rejected.get(address.lower())

    def _record(self, received: Received):
        with self._arrived:
            self._received.append(received)
            self._arrived.notify_all()

    def _count_connection(self):
        with self._lock:
            self._connections += 1

    def _check_login(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        """aiosmtpd's authenticator: the sink's user and password, by LOGIN or PLAIN."""
        expected = LoginPassword(*(part.encode() for part in self.login))
        # handled=False: aiosmtpd answers 235 on success and 535 on failure itself.
        return AuthResult(success=auth_data == expected, handled=False)


class _Handler:
    """aiosmtpd's hooks, answering as the sink has been told to at that moment.

    A hook that returns a reply replaces aiosmtpd's own handling of the command,
    so the ones that accept fill in the envelope themselves.
    """

    def __init__(self, sink: SmtpSink):
        self.sink = sink

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        # Checked here rather than by aiosmtpd's auth_required, which warns on every
        # connection that it is not combined with auth_require_tls.
        if self.sink.login and not session.authenticated:
            return "530 5.7.0 Authentication required"
        refusal = self.sink._refusal_now()
        if refusal is not None:
            code, text = refusal
            if code == 421:
                # After the reply has gone out: the hook returns it, aiosmtpd writes it,
                # and this runs when its loop next turns.
                server.loop.call_soon(server.transport.close)
            return f"{code} {text}"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        rejection = self.sink._rejection_of(address)
        if rejection is not None:
            return rejection
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content
        self.sink._record(
            Received(
                mail_from=envelope.mail_from,
                rcpt_tos=tuple(envelope.rcpt_tos),
                message=message_from_bytes(raw, policy=policy.default),
                raw=raw,
            )
        )
        return "250 OK"


class _Controller(Controller):
    """aiosmtpd's threaded Controller on a port the system picks, counting connections."""

    def __init__(self, sink: SmtpSink, **options):
        super().__init__(_Handler(sink), hostname=HOST, port=0, **options)
        self.sink = sink

    def _create_server(self):
        # Controller binds `port`, then connects to that same `port` to check that
        # the server answers, so port 0 would bind and then not be found. Bind 0
        # and note the port the system chose: no free port guessed beforehand that
        # another process could take in between.
        return self._bind_a_free_port()

    async def _bind_a_free_port(self):
        server = await self.loop.create_server(
            self._factory_invoker, host=self.hostname, port=0, ssl=self.ssl_context
        )
        self.port = server.sockets[0].getsockname()[1]
        return server

    def factory(self):
        # aiosmtpd makes one SMTP protocol object per connection, STARTTLS included.
        self.sink._count_connection()
        return super().factory()
