"""The SMTP sink that the site's mail is tested against (kronika.testing_smtp)
behaves as a mail server does, as the standard library's smtplib sees it: it
keeps each message with its envelope, refuses and rejects with the codes
providers use, asks for a login, speaks TLS with a certificate a client can
trust, and counts sessions, not messages.
"""

import smtplib
import socket
import ssl
import threading
import time
from email.message import EmailMessage
from unittest import TestCase

from kronika.testing_smtp import SmtpSink

SENDER = "bounces@kronika.example"


def message(subject: str = "Reset your password", to: str = "reader@example.com"):
    mail = EmailMessage()
    mail["From"] = "Kronika <noreply@kronika.example>"
    mail["To"] = to
    mail["Subject"] = subject
    mail.set_content("Follow the link to choose a new password.\n")
    return mail


def client(sink: SmtpSink, tls_context: ssl.SSLContext | None = None) -> smtplib.SMTP:
    """smtplib connected to the sink, over implicit TLS given a context.

    With a local_hostname of its own: smtplib otherwise looks up this machine's
    name for EHLO, slow where DNS is.
    """
    if tls_context is not None:
        return smtplib.SMTP_SSL(
            sink.host, sink.port, local_hostname="localhost", timeout=5, context=tls_context
        )
    return smtplib.SMTP(sink.host, sink.port, local_hostname="localhost", timeout=5)


def trusting(sink: SmtpSink) -> ssl.SSLContext:
    """A client's TLS context that trusts the sink's certificate and checks its name."""
    return ssl.create_default_context(cafile=sink.certificate_path)


class MessagesTests(TestCase):
    def test_a_message_arrives_parsed_with_its_envelope(self):
        with SmtpSink() as sink, client(sink) as smtp:
            smtp.send_message(
                message("Сбросьте пароль"),
                from_addr=SENDER,
                to_addrs=["reader@example.com", "Hidden@Example.com"],
            )
            [received] = sink.wait_for(1)
        self.assertEqual(received.mail_from, SENDER)
        self.assertEqual(received.rcpt_tos, ("reader@example.com", "Hidden@Example.com"))
        self.assertEqual(received.message["Subject"], "Сбросьте пароль")
        self.assertEqual(received.message["To"], "reader@example.com")
        self.assertIn("choose a new password", received.message.get_content())
        self.assertIn(b"Subject: =?utf-8?", received.raw)
        self.assertEqual(sink.messages, [received.message])
        # to() goes by the envelope, in any case: a Bcc recipient is in no header.
        self.assertEqual(sink.to("hidden@example.com"), [received.message])
        self.assertEqual(sink.to("someone@example.com"), [])

    def test_wait_for_fails_saying_what_arrived_when_too_little_did(self):
        with SmtpSink() as sink, client(sink) as smtp:
            smtp.send_message(message("Only one"), SENDER, ["reader@example.com"])
            started = time.monotonic()
            with self.assertRaisesRegex(AssertionError, "expected 2 .* received 1: 'Only one'"):
                sink.wait_for(2, timeout=0.2)
        self.assertLess(time.monotonic() - started, 1)

    def test_wait_for_returns_as_soon_as_mail_arrives_from_another_thread(self):
        with SmtpSink() as sink:

            def send_later():
                time.sleep(0.1)
                with client(sink) as smtp:
                    smtp.send_message(message(), SENDER, ["reader@example.com"])

            sender = threading.Thread(target=send_later)
            sender.start()
            [received] = sink.wait_for(1, timeout=5)
            sender.join()
        self.assertEqual(received.rcpt_tos, ("reader@example.com",))

    def test_connections_are_counted_per_session_not_per_message(self):
        with SmtpSink() as sink:
            self.assertEqual(sink.count_connections, 0)
            with client(sink) as smtp:
                smtp.send_message(message("First"), SENDER, ["reader@example.com"])
                smtp.send_message(message("Second"), SENDER, ["reader@example.com"])
            self.assertEqual(sink.count_connections, 1)
            with client(sink) as smtp:
                smtp.send_message(message("Third"), SENDER, ["reader@example.com"])
            self.assertEqual(sink.count_connections, 2)
            self.assertEqual(len(sink.wait_for(3)), 3)

    def test_a_stopped_sink_frees_its_port_and_thread(self):
        # Compared as sets: a thread another test left may end meanwhile, none start.
        before = set(threading.enumerate())
        with SmtpSink() as sink:
            self.assertTrue(set(threading.enumerate()) - before)
        self.assertEqual(set(threading.enumerate()) - before, set())
        with self.assertRaises(ConnectionRefusedError):
            socket.create_connection((sink.host, sink.port), timeout=1).close()


class RefusalTests(TestCase):
    def test_refuse_all_answers_421_closes_and_recovers_after_for_seconds(self):
        with SmtpSink() as sink:
            sink.refuse_all(for_seconds=0.5)
            refused_at = time.monotonic()
            with client(sink) as smtp, self.assertRaises(smtplib.SMTPSenderRefused) as refused:
                smtp.sendmail(SENDER, ["reader@example.com"], message().as_bytes())
            self.assertEqual(refused.exception.smtp_code, 421)
            self.assertEqual(refused.exception.smtp_error, b"Service not available, try later")
            # A 421 ends the session from the server's side too (RFC 5321, 3.8).
            with client(sink) as smtp:
                smtp.ehlo()
                self.assertEqual(smtp.mail(SENDER)[0], 421)
                with self.assertRaises(smtplib.SMTPServerDisconnected):
                    smtp.noop()
            time.sleep(max(0.0, refused_at + 0.5 - time.monotonic()))
            with client(sink) as smtp:
                smtp.sendmail(SENDER, ["reader@example.com"], message().as_bytes())
            self.assertEqual(len(sink.wait_for(1)), 1)

    def test_refuse_all_lasts_until_accept_all(self):
        with SmtpSink() as sink, client(sink) as smtp:
            sink.refuse_all(code=451, text="4.3.2 Try again later")
            for _ in range(2):
                with self.assertRaises(smtplib.SMTPSenderRefused) as refused:
                    smtp.sendmail(SENDER, ["reader@example.com"], message().as_bytes())
                self.assertEqual(refused.exception.smtp_code, 451)
            sink.accept_all()
            # Other codes than 421 leave the session open: the same one now sends.
            smtp.sendmail(SENDER, ["reader@example.com"], message().as_bytes())
            self.assertEqual(len(sink.wait_for(1)), 1)
            self.assertEqual(sink.count_connections, 1)

    def test_a_rejected_recipient_gets_550_while_the_others_get_the_message(self):
        with SmtpSink() as sink, client(sink) as smtp:
            sink.reject_recipient("Gone@Example.com")
            refused = smtp.sendmail(
                SENDER, ["reader@example.com", "gone@example.com"], message().as_bytes()
            )
            self.assertEqual(refused, {"gone@example.com": (550, b"No such user")})
            [received] = sink.wait_for(1)
            self.assertEqual(received.rcpt_tos, ("reader@example.com",))
            with self.assertRaises(smtplib.SMTPRecipientsRefused):
                smtp.sendmail(SENDER, ["GONE@example.com"], message().as_bytes())
            sink.accept_all()
            smtp.sendmail(SENDER, ["gone@example.com"], message().as_bytes())
            self.assertEqual(len(sink.wait_for(2)), 2)


class LoginTests(TestCase):
    def test_mail_without_a_login_is_refused_with_530(self):
        with SmtpSink(login=("user", "secret")) as sink, client(sink) as smtp:
            with self.assertRaises(smtplib.SMTPSenderRefused) as refused:
                smtp.sendmail(SENDER, ["reader@example.com"], message().as_bytes())
            self.assertEqual(refused.exception.smtp_code, 530)
        self.assertEqual(sink.received, [])

    def test_a_wrong_password_gets_535_and_the_right_one_sends(self):
        with SmtpSink(login=("user", "secret")) as sink:
            with client(sink) as smtp:
                with self.assertRaises(smtplib.SMTPAuthenticationError) as failed:
                    smtp.login("user", "wrong")
                self.assertEqual(failed.exception.smtp_code, 535)
                smtp.login("user", "secret")
                smtp.sendmail(SENDER, ["reader@example.com"], message().as_bytes())
            for mechanism in ("LOGIN", "PLAIN"):
                with self.subTest(mechanism), client(sink) as smtp:
                    smtp.user, smtp.password = "user", "secret"
                    smtp.ehlo()
                    code, _ = smtp.auth(mechanism, getattr(smtp, f"auth_{mechanism.lower()}"))
                    self.assertEqual(code, 235)
            self.assertEqual(len(sink.wait_for(1)), 1)


class TlsTests(TestCase):
    def test_starttls_with_the_sinks_certificate_sends_and_plain_text_is_refused(self):
        with SmtpSink(tls="starttls") as sink:
            with client(sink) as smtp:
                with self.assertRaises(smtplib.SMTPSenderRefused) as refused:
                    smtp.sendmail(SENDER, ["reader@example.com"], message().as_bytes())
                self.assertEqual(refused.exception.smtp_code, 530)
            with client(sink) as smtp:
                smtp.starttls(context=trusting(sink))
                smtp.sendmail(SENDER, ["reader@example.com"], message().as_bytes())
            self.assertEqual(len(sink.wait_for(1)), 1)

    def test_a_client_that_does_not_trust_the_certificate_fails_to_start_tls(self):
        with (
            SmtpSink(tls="starttls") as sink,
            client(sink) as smtp,
            self.assertRaises(ssl.SSLCertVerificationError),
        ):
            smtp.starttls(context=ssl.create_default_context())

    def test_implicit_tls_sends_and_takes_a_login(self):
        with SmtpSink(tls="implicit", login=("user", "secret")) as sink:
            with client(sink, tls_context=trusting(sink)) as smtp:
                smtp.login("user", "secret")
                smtp.sendmail(SENDER, ["reader@example.com"], message().as_bytes())
            [received] = sink.wait_for(1)
        self.assertEqual(received.rcpt_tos, ("reader@example.com",))
