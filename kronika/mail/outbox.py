"""The site's mail outbox: every message kept in the database until the server takes it.

A request never talks to the mail server. Whatever it sends, through Django's
send_mail or Wagtail's notices alike, is written as one row per recipient
(kronika.mail.backend, `queue`, in the request's transaction), and the
worker's `send_outgoing_mail` task sends it through KRONIKA_EMAIL_URL. So a
reader or an editor never waits on a slow server, and a server that is down,
refuses Kronika's login or answers "try later" (4xx) loses nothing: the row
waits, with the reason, and is tried again with a growing pause
(RETRY_PAUSES) for KRONIKA_EMAIL_RETRY_HOURS.
An answer that will not change (5xx for the address or the message) fails the
row at once. Waiting and failed mail, with the server's words, is shown to
the newsroom (kronika.mail.dashboard).

Delivery is at least once. A row is claimed before it is sent; a worker
killed between the server's acceptance and the row's deletion leaves the claim
to run out, and the mail is sent again. For a password reset or a
confirmation link a second copy is harmless, and better than none.
"""

import logging
import smtplib
import ssl
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from kronika.base.deferred import enqueue
from kronika.email_settings import TIMEOUT_SECONDS
from kronika.mail.models import OutgoingMail

logger = logging.getLogger(__name__)

# A header a sender may set to say what its mail is, for the outbox's list; it
# is taken off before the mail is sent.
PURPOSE = "X-Kronika-Purpose"

# How long mail given up on stays on the dashboard, with the address it was for.
FAILED_KEPT = timedelta(days=30)

# Seconds before the next attempt, by the number of attempts made: quick at
# first, for a server that restarts, then every half hour.
RETRY_PAUSES = (30, 60, 120, 300, 900, 1800)


def queue(message: EmailMessage, purpose: str) -> list[OutgoingMail]:
    """Keep `message`, one row per recipient, and have the worker send it once committed.

    Attachments are refused: nothing the site sends has one, and the rows keep
    the message's parts as text. Mail given up on is shown to the newsroom for
    FAILED_KEPT, then deleted here, so that no cron is needed.
    """
    if message.attachments:
        raise ValueError("The outbox does not keep attachments.")
    OutgoingMail.objects.filter(
        state=OutgoingMail.State.FAILED, queued_at__lt=timezone.now() - FAILED_KEPT
    ).delete()
    alternatives = getattr(message, "alternatives", [])
    html = next((content for content, mimetype in alternatives if mimetype == "text/html"), "")
    headers = {name: value for name, value in message.extra_headers.items() if name != PURPOSE}
    if message.reply_to:
        headers.setdefault("Reply-To", ", ".join(message.reply_to))
    rows = OutgoingMail.objects.bulk_create(
        OutgoingMail(
            purpose=purpose,
            sender=message.from_email or settings.DEFAULT_FROM_EMAIL,
            recipient=recipient,
            subject=message.subject,
            text=message.body,
            html=html,
            headers=headers,
        )
        for recipient in message.recipients()
    )
    ids = [row.pk for row in rows]
    transaction.on_commit(lambda: [schedule(pk) for pk in ids])
    return rows


def schedule(mail_id: int, at=None) -> None:
    from kronika.mail.tasks import send_outgoing_mail

    # A backend that cannot wait (the test suite's) leaves retries to `resume`.
    enqueue(send_outgoing_mail, mail_id, at=at)


def resume() -> None:
    """At worker start: send again whatever is waiting, its pause over or not."""
    now = timezone.now()
    for mail_id, not_before in OutgoingMail.objects.waiting().values_list("pk", "not_before"):
        schedule(mail_id, not_before if not_before > now else None)


def send(mail_id: int) -> None:
    """Send one queued mail, unless it is sent, given up on, not yet due, or being sent."""
    mail = _claim(mail_id)
    if mail is None:
        return
    try:
        with get_connection(settings.KRONIKA_EMAIL_BACKEND, fail_silently=False) as connection:
            connection.send_messages([_message(mail)])
    except Exception as error:  # every failure is recorded and retried: none is lost
        _record_failure(mail, error)
    else:
        # Sent: nothing of it is kept, not even the address it went to.
        mail.delete()


def _claim(mail_id: int) -> OutgoingMail | None:
    """The mail, now marked as being sent by this worker; None if it is not ours to send.

    A claim older than the server's timeout with a margin was left by a worker
    that stopped, and is taken over.
    """
    now = timezone.now()
    stale = now - timedelta(seconds=2 * (settings.EMAIL_TIMEOUT or TIMEOUT_SECONDS) + 60)
    claimable = Q(state=OutgoingMail.State.QUEUED) | Q(
        state=OutgoingMail.State.SENDING, claimed_at__lt=stale
    )
    claimed = OutgoingMail.objects.filter(claimable, pk=mail_id, not_before__lte=now).update(
        state=OutgoingMail.State.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    return OutgoingMail.objects.get(pk=mail_id) if claimed else None


def _message(mail: OutgoingMail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        mail.subject, mail.text, mail.sender, [mail.recipient], headers=mail.headers
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    return message


def _record_failure(mail: OutgoingMail, error: Exception) -> None:
    reason, permanent = explain(error, mail.recipient)
    logger.warning("Mail %s to %s not sent: %s", mail.pk, mail.recipient, reason)
    now = timezone.now()
    window = timedelta(hours=settings.KRONIKA_EMAIL_RETRY_HOURS)
    if permanent or now - mail.queued_at > window:
        mail.state = OutgoingMail.State.FAILED
        mail.error = reason if permanent else f"Gave up after {mail.attempts} attempts: {reason}"
        mail.save(update_fields=["state", "error"])
        return
    pause = RETRY_PAUSES[min(mail.attempts, len(RETRY_PAUSES)) - 1]
    mail.state = OutgoingMail.State.QUEUED
    mail.not_before = now + timedelta(seconds=pause)
    mail.error = f"{reason} Trying again at {timezone.localtime(mail.not_before):%H:%M}."
    mail.save(update_fields=["state", "not_before", "error"])
    schedule(mail.pk, mail.not_before)


def explain(error: Exception, recipient: str) -> tuple[str, bool]:
    """What went wrong, in words for an editor, and whether trying again can help."""
    server = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return (
            f"The mail server {server} refused Kronika's login ({_answer(error)}). "
            "Check the user name and password in KRONIKA_EMAIL_URL.",
            False,
        )
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = error.recipients.get(recipient, (0, b""))
        return _refusal(f"refused the address {recipient}", code, text)
    if isinstance(error, smtplib.SMTPSenderRefused) and 400 <= error.smtp_code < 500:
        return f"The mail server {server} asked to try later ({_answer(error)}).", False
    if isinstance(error, smtplib.SMTPSenderRefused):
        # A sender the server will not take is the operator's to fix: keep trying.
        return (
            f"The mail server {server} refused the sender {error.sender} ({_answer(error)}). "
            "Check KRONIKA_EMAIL_FROM.",
            False,
        )
    if isinstance(error, smtplib.SMTPResponseException):
        return _refusal("refused the message", error.smtp_code, error.smtp_error)
    if isinstance(error, ssl.SSLError | ssl.CertificateError):
        return f"The mail server {server} failed the TLS handshake: {error}.", False
    if isinstance(error, OSError | smtplib.SMTPException):
        said = str(error) or type(error).__name__
        return f"The mail server {server} could not be reached: {said}.", False
    return f"The mail could not be sent: {type(error).__name__}: {error}.", False


def _refusal(what: str, code: int, text: bytes) -> tuple[str, bool]:
    words = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"The mail server {what}: {code} {words}.", 500 <= code < 600


def _answer(error: smtplib.SMTPResponseException) -> str:
    text = error.smtp_error
    words = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"{error.smtp_code} {words}"
