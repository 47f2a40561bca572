"""Asking for a password reset gets the same answer whether or not an account has the
address, and whether or not the mail could be sent."""

import re

from django.core import mail
from django.test import override_settings

from kronika.testing import KronikaTestCase

RESET = "/admin/password_reset/"
FAILING_MAIL = "kronika.accounts.tests.support.FailingEmailBackend"


def answer(response) -> tuple:
    """Everything a client sees of the answer, minus the per-request CSRF tokens."""
    body = re.sub(
        r'(name="csrfmiddlewaretoken" value=|"CSRF_TOKEN": )"[^"]+"', "", response.content.decode()
    )
    return (
        response.status_code,
        response.get("Location"),
        response.get("Content-Type"),
        sorted(response.cookies.keys()),
        body,
    )


class PasswordResetEnumerationTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.reporter.is_active = False
        cls.reporter.save()

    def ask(self, email: str) -> tuple[tuple, tuple]:
        """The answer to the form, and to the page it leads to."""
        posted = self.client.post(RESET, {"email": email})
        followed = self.client.get(posted["Location"]) if posted.status_code == 302 else None
        return answer(posted), followed and answer(followed)

    def test_known_and_unknown_addresses_get_the_same_answer(self):
        known = self.ask("editor@example.org")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(known[0][0], 302)
        for other in ("EDITOR@example.org", "nobody@example.org", "reporter@example.org"):
            with self.subTest(other):
                self.assertEqual(self.ask(other), known)

    @override_settings(
        EMAIL_BACKEND="kronika.mail.backend.OutboxBackend", KRONIKA_EMAIL_BACKEND=FAILING_MAIL
    )
    def test_the_answer_is_the_same_when_the_mail_cannot_be_sent(self):
        with (
            self.assertLogs("kronika.mail.outbox", "WARNING") as logs,
            self.captureOnCommitCallbacks(execute=True),
        ):
            known = self.ask("editor@example.org")
        self.assertIn("the mail server went away", logs.output[0])
        unknown = self.ask("nobody@example.org")
        self.assertEqual(known[0][0], 302)
        self.assertEqual(known, unknown)
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self.assertEqual(self.ask("nobody@example.org"), known)
