"""Two-factor authentication enforced for Editors (KRONIKA_2FA_REQUIRED), on Wagtail 8:
the setup page with its QR code, a device confirmed with a real TOTP code, and a code
asked for at every sign-in after that."""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from kronika.accounts.tests.support import code_for, sign_in
from kronika.testing import PASSWORD, KronikaTestCase

SETUP = "/admin/2fa/devices/new"
VERIFY = "/admin/2fa/auth"


@override_settings(KRONIKA_2FA_REQUIRED=True)
class EditorsTwoFactorTests(KronikaTestCase):
    def set_up_device(self, client, user) -> TOTPDevice:
        """Open the setup page, scan its code (read the key), and confirm with the app's code."""
        page = client.get(SETUP)
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, '<img src="/admin/2fa/devices/qr-code"')
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        self.assertContains(page, device.config_url.replace("&", "&amp;"))
        qr = client.get("/admin/2fa/devices/qr-code")
        self.assertEqual(qr["Content-Type"], "image/svg+xml")
        self.assertIn(b"<svg", qr.content)
        response = client.post(
            SETUP, {"name": "Phone", "otp_token": code_for(device), "password": PASSWORD}
        )
        self.assertEqual(response.status_code, 302)
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        return device

    def test_the_editors_group_holds_the_permission_that_enforces_it(self):
        self.assertTrue(
            Group.objects.get(name="Editors").permissions.filter(codename="enable_2fa").exists()
        )
        self.assertFalse(
            Group.objects.get(name="Reporters").permissions.filter(codename="enable_2fa").exists()
        )

    def test_an_editor_without_a_device_is_sent_to_set_one_up_first(self):
        self.assertEqual(sign_in(self.client, "editor", PASSWORD).status_code, 302)
        for address in ("/admin/", "/admin/pages/", "/admin/images/"):
            response = self.client.get(address)
            self.assertEqual(response.status_code, 302)
            self.assertEqual(response["Location"], f"{SETUP}?next={address}")
        self.set_up_device(self.client, self.editor)
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)

    def test_administrators_must_set_one_up_too(self):
        get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)
        sign_in(self.client, "admin", PASSWORD)
        self.assertEqual(self.client.get("/admin/")["Location"], f"{SETUP}?next=/admin/")

    def test_setting_up_refuses_a_wrong_code_or_a_wrong_password(self):
        self.client.force_login(self.editor)
        self.client.get(SETUP)
        device = TOTPDevice.objects.get(user=self.editor)
        right = code_for(device)
        wrong = f"{(int(right) + 1) % 10**6:06d}"
        for code, password in ((wrong, PASSWORD), (right, "not my password at all")):
            response = self.client.post(
                SETUP, {"name": "Phone", "otp_token": code, "password": password}
            )
            self.assertEqual(response.status_code, 200)
        self.assertFalse(TOTPDevice.objects.filter(confirmed=True).exists())
        self.assertEqual(self.client.get("/admin/pages/").status_code, 302)

    def test_with_a_device_every_sign_in_asks_for_a_code_from_it(self):
        self.client.force_login(self.editor)
        device = self.set_up_device(self.client, self.editor)
        self.client.post("/admin/logout/")

        self.assertEqual(sign_in(self.client, "editor", PASSWORD).status_code, 302)
        response = self.client.get("/admin/pages/")
        self.assertEqual(response["Location"], f"{VERIFY}?next=/admin/pages/")
        page = self.client.get(response["Location"])
        self.assertContains(page, "Enter your two-factor authentication code")

        refused = self.client.post(VERIFY, {"otp_token": "000000", "next": "/admin/pages/"})
        self.assertContains(refused, "Invalid code")
        self.assertEqual(self.client.get("/admin/pages/").status_code, 302)

        time.sleep(1.1)  # django-otp refuses any code for a second after a wrong one
        accepted = self.client.post(
            VERIFY, {"otp_token": code_for(device, 1), "next": "/admin/pages/"}
        )
        self.assertEqual(accepted.status_code, 302)
        self.assertEqual(accepted["Location"], "/admin/pages/")
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)

    def test_a_code_is_accepted_only_once(self):
        self.client.force_login(self.editor)
        device = self.set_up_device(self.client, self.editor)
        laptop, phone = self.client_class(), self.client_class()
        code = code_for(device, 1)
        answers = []
        for client in (laptop, phone):
            sign_in(client, "editor", PASSWORD)
            answers.append(client.post(VERIFY, {"otp_token": code}))
        self.assertEqual(answers[0].status_code, 302)
        self.assertContains(answers[1], "Invalid code")
        self.assertEqual(phone.get("/admin/pages/").status_code, 302)


class WithoutEnforcementTests(KronikaTestCase):
    """KRONIKA_2FA_REQUIRED off (the suite, the demo): no one must, but a device still counts."""

    def test_an_editor_without_a_device_may_use_the_admin(self):
        sign_in(self.client, "editor", PASSWORD)
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)

    def test_an_editor_with_a_device_is_still_asked_for_its_code(self):
        TOTPDevice.objects.create(user=self.editor, name="Phone", confirmed=True)
        sign_in(self.client, "editor", PASSWORD)
        self.assertEqual(
            self.client.get("/admin/pages/")["Location"], f"{VERIFY}?next=/admin/pages/"
        )
