"""A password reset link sets one password, once, within PASSWORD_RESET_TIMEOUT
(an hour by default), and stops working as soon as the password changes."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from kronika.accounts.tests.support import reset_link, sign_in
from kronika.testing import PASSWORD, KronikaTestCase

NEW_PASSWORD = "the passphrase chosen from the reset link"
INVALID = "The password reset link was invalid"


class TokenMadeEarlier(PasswordResetTokenGenerator):
    """The same tokens, as if made `age` ago: how a link looks after waiting that long."""

    def __init__(self, age: timedelta):
        super().__init__()
        self.age = age

    def _now(self):
        return datetime.now() - self.age


class ResetLinkTests(KronikaTestCase):
    def ask_for_a_link(self) -> str:
        self.client.post("/admin/password_reset/", {"email": "editor@example.org"})
        return reset_link(mail.outbox[-1])

    def link_made(self, age: timedelta) -> str:
        uid = urlsafe_base64_encode(force_bytes(self.editor.pk))
        return (
            f"/admin/password_reset/confirm/{uid}/{TokenMadeEarlier(age).make_token(self.editor)}/"
        )

    def set_password_with(self, link: str, password: str = NEW_PASSWORD):
        """Follow the link as a browser does; the final answer."""
        opened = self.client.get(link, follow=True)
        if INVALID in opened.content.decode():
            return opened
        return self.client.post(
            opened.redirect_chain[-1][0],
            {"new_password1": password, "new_password2": password},
        )

    def test_a_link_sets_a_new_password_once(self):
        link = self.ask_for_a_link()
        done = self.set_password_with(link)
        self.assertEqual(done.status_code, 302)
        self.assertEqual(done["Location"], "/admin/password_reset/complete/")
        self.assertEqual(sign_in(self.client_class(), "editor", NEW_PASSWORD).status_code, 302)
        again = self.set_password_with(link, "yet another passphrase for it")
        self.assertContains(again, INVALID)
        self.editor.refresh_from_db()
        self.assertTrue(self.editor.check_password(NEW_PASSWORD))

    def test_links_last_an_hour_by_default(self):
        self.assertEqual(settings.PASSWORD_RESET_TIMEOUT, 3600)
        fresh = self.set_password_with(self.link_made(timedelta(minutes=59)))
        self.assertEqual(fresh.status_code, 302)

    def test_a_link_older_than_the_timeout_is_refused(self):
        stale = self.set_password_with(self.link_made(timedelta(minutes=60, seconds=5)))
        self.assertContains(stale, INVALID)
        self.editor.refresh_from_db()
        self.assertTrue(self.editor.check_password(PASSWORD))

    def test_a_password_change_kills_every_link_sent_before_it(self):
        link = self.ask_for_a_link()
        self.editor.set_password("changed on the account page meanwhile")
        self.editor.save()
        self.assertContains(self.set_password_with(link), INVALID)

    def test_a_forged_or_mangled_token_is_refused(self):
        link = self.ask_for_a_link()
        uid, token = link.rstrip("/").split("/")[-2:]
        for forged in (token[:-1] + ("a" if token[-1] != "a" else "b"), "set-password", "x" * 40):
            with self.subTest(forged):
                response = self.client.get(
                    f"/admin/password_reset/confirm/{uid}/{forged}/", follow=True
                )
                self.assertContains(response, INVALID)
