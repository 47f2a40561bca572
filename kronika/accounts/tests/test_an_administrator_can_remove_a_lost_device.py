"""A lost phone: an administrator, signed in with their own second factor, removes
someone's device from the user list, and that person signs in with a password again."""

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kronika.accounts.tests.support import code_for, sign_in
from kronika.testing import PASSWORD, KronikaTestCase


@override_settings(KRONIKA_2FA_REQUIRED=True)
class LostDeviceTests(KronikaTestCase):
    def test_an_administrator_removes_a_reporters_device(self):
        admin = get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)
        own = TOTPDevice.objects.create(user=admin, name="Admin's phone", confirmed=True)
        lost = TOTPDevice.objects.create(user=self.reporter, name="Lost phone", confirmed=True)
        sign_in(self.client, "admin", PASSWORD)
        self.client.post("/admin/2fa/auth", {"otp_token": code_for(own)})

        listing = self.client.get(reverse("wagtailusers_users:index"))
        devices = f"/admin/2fa/devices/{self.reporter.pk}"
        self.assertContains(listing, f'href="{devices}"')
        self.assertContains(listing, "Manage 2FA")
        self.assertContains(self.client.get(devices), "Lost phone")
        removed = self.client.post(
            f"/admin/2fa/devices/{lost.pk}/remove", {"user_id": self.reporter.pk}
        )
        self.assertEqual(removed["Location"], devices)
        self.assertFalse(TOTPDevice.objects.filter(pk=lost.pk).exists())

        reporter = self.client_class()
        sign_in(reporter, "reporter", PASSWORD)
        self.assertEqual(reporter.get("/admin/pages/").status_code, 200)
