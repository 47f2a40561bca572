"""Host header poisoning: a reset asked for under a host the site does not serve is
refused with 400 and sends nothing, and a link is only ever to the site's own address."""

from django.conf import settings
from django.core import mail

from kronika.accounts.tests.support import reset_link
from kronika.testing import KronikaTestCase

FORGED = (
    "evil.example",
    "evil.example:443",
    "127.0.0.1.evil.example",
    "localhost@evil.example",
    "localhost:8000@evil.example",
    "evil.example#localhost",
)


class ForgedHostTests(KronikaTestCase):
    def test_a_forged_host_gets_a_400_page_and_no_email(self):
        for host in FORGED:
            with self.subTest(host):
                response = self.client.post(
                    "/admin/password_reset/", {"email": "editor@example.org"}, HTTP_HOST=host
                )
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, "Bad request", status_code=400)
                self.assertNotIn(b"Traceback", response.content)
        self.assertEqual(mail.outbox, [])

    def test_a_forwarded_host_does_not_change_where_the_link_points(self):
        self.client.post(
            "/admin/password_reset/",
            {"email": "editor@example.org"},
            HTTP_HOST="localhost",
            HTTP_X_FORWARDED_HOST="evil.example",
        )
        self.assertEqual(len(mail.outbox), 1)
        body = mail.outbox[0].body
        self.assertNotIn("evil.example", body)
        self.assertIn(settings.WAGTAILADMIN_BASE_URL + reset_link(mail.outbox[0]), body)
