"""Staff passwords: at least 12 characters, and not on the common-password list,
wherever they are set in the admin (a new user, an edited user, one's own account)."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from kronika.accounts.tests.support import change_own_password, form_data
from kronika.testing import PASSWORD, KronikaTestCase

SHORT = "Kx9#vLq2!pZ"  # 11 characters
COMMON = "Qwerty123456"  # on Django's list of 20,000 common passwords, in any case
TOO_SHORT = "This password is too short. It must contain at least 12 characters."
TOO_COMMON = "This password is too common."


class PasswordRulesTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin = get_user_model().objects.create_superuser(
            "admin", "admin@example.org", PASSWORD
        )

    def new_user(self, password):
        self.client.force_login(self.admin)
        data = form_data(self.client.get(reverse("wagtailusers_users:add")))
        data.update(
            username="newcomer",
            email="newcomer@example.org",
            first_name="New",
            last_name="Comer",
            password1=password,
            password2=password,
        )
        return self.client.post(reverse("wagtailusers_users:add"), data)

    def edited_user(self, password):
        self.client.force_login(self.admin)
        url = reverse("wagtailusers_users:edit", args=[self.reporter.pk])
        data = form_data(self.client.get(url))
        data.update(first_name="Rita", last_name="Porter", password1=password, password2=password)
        return self.client.post(url, data)

    def own_account(self, password):
        self.client.force_login(self.editor)
        return change_own_password(self.client, PASSWORD, password)

    def test_a_password_of_11_characters_is_refused_everywhere(self):
        for form in (self.new_user, self.edited_user, self.own_account):
            with self.subTest(form.__name__):
                response = form(SHORT)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, TOO_SHORT)
        self.assertFalse(get_user_model().objects.filter(username="newcomer").exists())
        for user in (self.reporter, self.editor):
            user.refresh_from_db()
            self.assertTrue(user.check_password(PASSWORD))

    def test_a_common_password_is_refused_everywhere(self):
        for form in (self.new_user, self.edited_user, self.own_account):
            with self.subTest(form.__name__):
                response = form(COMMON)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, TOO_COMMON)
                self.assertNotContains(response, TOO_SHORT)
        self.assertFalse(get_user_model().objects.filter(username="newcomer").exists())

    def test_a_password_of_12_uncommon_characters_is_accepted(self):
        response = self.new_user("Kx9#vLq2!pZw")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(
            get_user_model().objects.get(username="newcomer").check_password("Kx9#vLq2!pZw")
        )
