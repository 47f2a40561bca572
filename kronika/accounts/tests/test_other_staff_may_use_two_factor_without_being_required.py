"""Two-factor authentication is open to every staff member, not only to Editors."""

from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from kronika.accounts.tests.support import code_for, sign_in
from kronika.testing import PASSWORD, KronikaTestCase


@override_settings(KRONIKA_2FA_REQUIRED=True)
class OptionalTwoFactorTests(KronikaTestCase):
    def test_a_reporter_is_not_made_to_set_one_up(self):
        sign_in(self.client, "reporter", PASSWORD)
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)

    def test_a_reporter_finds_it_on_their_account_page_and_may_add_a_device(self):
        sign_in(self.client, "reporter", PASSWORD)
        account = self.client.get("/admin/account/")
        self.assertContains(account, "Manage your 2FA devices")
        self.assertContains(account, f'href="/admin/2fa/devices/{self.reporter.pk}"')
        devices = self.client.get(f"/admin/2fa/devices/{self.reporter.pk}")
        self.assertContains(devices, "There are no devices for this user.")
        self.assertContains(devices, 'href="/admin/2fa/devices/new"')

        self.client.get("/admin/2fa/devices/new")
        device = TOTPDevice.objects.get(user=self.reporter)
        self.client.post(
            "/admin/2fa/devices/new",
            {"name": "Phone", "otp_token": code_for(device), "password": PASSWORD},
        )
        self.assertContains(self.client.get(f"/admin/2fa/devices/{self.reporter.pk}"), "Phone")

        # From now on the reporter's sign-ins need a code too.
        self.client.post("/admin/logout/")
        sign_in(self.client, "reporter", PASSWORD)
        self.assertEqual(
            self.client.get("/admin/pages/")["Location"], "/admin/2fa/auth?next=/admin/pages/"
        )
        self.client.post("/admin/2fa/auth", {"otp_token": code_for(device, 1)})
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)
