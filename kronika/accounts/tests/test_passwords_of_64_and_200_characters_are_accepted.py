"""Long passphrases work end to end: set in the admin, then used to sign in."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from kronika.accounts.tests.support import change_own_password, form_data, sign_in
from kronika.testing import PASSWORD, KronikaTestCase


def passphrase(length: int) -> str:
    words = "ilgas slaptažodis iš daugelio žodžių, kurį lengva prisiminti "
    return (words * (length // len(words) + 1))[:length]


class LongPasswordTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin = get_user_model().objects.create_superuser(
            "admin", "admin@example.org", PASSWORD
        )

    def assert_signs_in_with(self, username, password):
        self.client.logout()
        response = sign_in(self.client, username, password)
        self.assertEqual(response.status_code, 302, response.content[:2000])
        self.assertEqual(response["Location"], "/admin/")
        self.client.logout()
        # Not a prefix of it: every character counts.
        self.assertEqual(sign_in(self.client, username, password[:-1]).status_code, 200)

    def test_a_new_user_may_be_given_a_password_of_64_or_200_characters(self):
        self.client.force_login(self.admin)
        for length in (64, 200):
            password = passphrase(length)
            self.assertEqual(len(password), length)
            data = form_data(self.client.get(reverse("wagtailusers_users:add")))
            data.update(
                username=f"long{length}",
                email=f"long{length}@example.org",
                first_name="Long",
                last_name="Password",
                password1=password,
                password2=password,
                groups=[str(self.reporter.groups.get().pk)],
            )
            with self.subTest(length=length):
                response = self.client.post(reverse("wagtailusers_users:add"), data)
                self.assertEqual(response.status_code, 302, response.content[:2000])
                self.assert_signs_in_with(f"long{length}", password)
                self.client.force_login(self.admin)

    def test_staff_may_change_their_own_password_to_64_or_200_characters(self):
        current = PASSWORD
        for length in (64, 200):
            password = passphrase(length)
            # The session of a stale copy would be refused: its password hash is out of date.
            self.editor.refresh_from_db()
            self.client.force_login(self.editor)
            with self.subTest(length=length):
                response = change_own_password(self.client, current, password)
                self.assertEqual(response.status_code, 302, response.content[:2000])
                self.assert_signs_in_with("editor", password)
            current = password
