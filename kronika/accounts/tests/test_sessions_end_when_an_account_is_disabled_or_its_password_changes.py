"""An editor's other sessions stop working the moment their account is deactivated
in the admin, or their password is changed anywhere."""

from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse

from kronika.accounts.tests.support import change_own_password, form_data, sign_in
from kronika.testing import PASSWORD, KronikaTestCase

NEW_PASSWORD = "a brand new passphrase for the newsroom"


class SessionsEndTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.admin = get_user_model().objects.create_superuser(
            "admin", "admin@example.org", PASSWORD
        )

    def setUp(self):
        self.laptop, self.phone, self.administrator = Client(), Client(), Client()
        for device in (self.laptop, self.phone):
            self.assertEqual(sign_in(device, "editor", PASSWORD).status_code, 302)
            self.assert_signed_in(device)
        sign_in(self.administrator, "admin", PASSWORD)

    def assert_signed_in(self, client):
        self.assertEqual(client.get("/admin/").status_code, 200)

    def assert_signed_out(self, client):
        response = client.get("/admin/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/admin/login/"))

    def edit_editor(self, **changes):
        url = reverse("wagtailusers_users:edit", args=[self.editor.pk])
        data = form_data(self.administrator.get(url))
        data.update(first_name="Ed", last_name="Itor", **changes)
        if changes.get("is_active") is False:
            del data["is_active"]
        response = self.administrator.post(url, data)
        self.assertEqual(response.status_code, 302, response.content[:3000])

    def test_deactivating_the_account_in_the_admin_ends_all_its_sessions(self):
        self.edit_editor(is_active=False)
        self.assert_signed_out(self.laptop)
        self.assert_signed_out(self.phone)
        self.assertEqual(sign_in(Client(), "editor", PASSWORD).status_code, 200)

    def test_changing_ones_own_password_ends_every_other_session(self):
        self.assertEqual(change_own_password(self.laptop, PASSWORD, NEW_PASSWORD).status_code, 302)
        self.assert_signed_in(self.laptop)
        self.assert_signed_out(self.phone)

    def test_an_administrator_setting_a_new_password_ends_all_its_sessions(self):
        self.edit_editor(password1=NEW_PASSWORD, password2=NEW_PASSWORD)
        self.assert_signed_out(self.laptop)
        self.assert_signed_out(self.phone)
        self.assertEqual(sign_in(Client(), "editor", NEW_PASSWORD).status_code, 302)


@override_settings(SESSION_ENGINE="django.contrib.sessions.backends.cached_db")
class SessionsEndWithCachedSessionsTests(SessionsEndTests):
    """As with REDIS_URL set: a cached copy of the session must not outlive the change."""
