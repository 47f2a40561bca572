"""The settings KRONIKA_EMAIL_URL gives reach servers that demand TLS and a login.

The server is on loopback under a throwaway certificate, which the client is
made to trust (SSL_CERT_FILE, read by Python's default TLS context); nothing
else about the connection is changed.
"""

import os
from pathlib import Path
from unittest import mock

from django.core.mail import send_mail
from django.test import TestCase
from django.utils import timezone

from kronika.email_settings import email_settings
from kronika.mail import outbox
from kronika.mail.models import OutgoingMail
from kronika.testing_smtp import SmtpSink

LOGIN = ("news@paper.example", "p@ss word")
QUOTED = "news%40paper.example:p%40ss%20word"


class TlsTests(TestCase):
    def send_through(self, sink, url: str, host: str = "127.0.0.1"):
        found = email_settings(url, Path("/unused")) | {"EMAIL_HOST": host}
        found["EMAIL_BACKEND"] = "kronika.mail.backend.OutboxBackend"
        trusted = mock.patch.dict(os.environ, {"SSL_CERT_FILE": str(sink.certificate_path)})
        with self.settings(**found), trusted:
            with self.captureOnCommitCallbacks(execute=False):
                send_mail("Over TLS", "Sealed.", "news@paper.example", ["reader@example.org"])
            mail = OutgoingMail.objects.get()
            outbox.send(mail.pk)
        # A sent mail's row is deleted; one that failed says why.
        return OutgoingMail.objects.filter(pk=mail.pk).first()

    def test_smtp_on_a_remote_server_uses_starttls_before_its_login(self):
        sink = self.enterContext(SmtpSink(tls="starttls", login=LOGIN))
        # As for mail.example.org; the connection goes to the sink on loopback.
        mail = self.send_through(sink, f"smtp://{QUOTED}@mail.example.org:{sink.port}")
        self.assertIsNone(mail, mail and mail.error)
        self.assertEqual(sink.wait_for(1)[0].message["Subject"], "Over TLS")

    def test_smtps_speaks_tls_from_the_first_byte(self):
        sink = self.enterContext(SmtpSink(tls="implicit", login=LOGIN))
        mail = self.send_through(sink, f"smtps://{QUOTED}@mail.example.org:{sink.port}")
        self.assertIsNone(mail, mail and mail.error)
        sink.wait_for(1)

    def test_a_certificate_the_client_does_not_trust_is_a_clear_error_retried(self):
        sink = self.enterContext(SmtpSink(tls="implicit", login=LOGIN))
        url = f"smtps://{QUOTED}@mail.example.org:{sink.port}"
        found = email_settings(url, Path("/unused")) | {"EMAIL_HOST": "127.0.0.1"}
        found["EMAIL_BACKEND"] = "kronika.mail.backend.OutboxBackend"
        with self.settings(**found):
            with self.captureOnCommitCallbacks(execute=False):
                send_mail("Over TLS", "Sealed.", "news@paper.example", ["reader@example.org"])
            mail = OutgoingMail.objects.get()
            outbox.send(mail.pk)
        mail.refresh_from_db()
        self.assertEqual(mail.state, OutgoingMail.State.QUEUED)
        self.assertIn("failed the TLS handshake", mail.error)
        self.assertGreater(mail.not_before, timezone.now())
        self.assertEqual(sink.received, [])
