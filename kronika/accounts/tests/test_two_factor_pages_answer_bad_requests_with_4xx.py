"""The 2FA pages answer odd or foreign requests with 4xx or a refusal, never an error."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from kronika.testing import KronikaTestCase


class TwoFactorBadRequestTests(KronikaTestCase):
    def test_a_qr_code_with_no_device_being_set_up_is_404(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get("/admin/2fa/devices/qr-code").status_code, 404)

    def test_removing_a_device_that_does_not_exist_is_404(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get("/admin/2fa/devices/999999/remove").status_code, 404)
        self.assertEqual(self.client.post("/admin/2fa/devices/999999/remove").status_code, 404)

    def test_someone_elses_devices_are_refused_to_anyone_but_an_administrator(self):
        device = TOTPDevice.objects.create(user=self.reporter, name="Phone", confirmed=True)
        self.client.force_login(self.editor)
        # Wagtail answers a refusal in the admin by going back to its dashboard, saying why.
        for response in (
            self.client.get(f"/admin/2fa/devices/{self.reporter.pk}"),
            self.client.post(f"/admin/2fa/devices/{device.pk}/remove"),
            self.client.get(f"/admin/2fa/devices/{device.pk}/update"),
        ):
            self.assertEqual(response.status_code, 302)
            self.assertEqual(response["Location"], "/admin/")
        self.assertContains(self.client.get("/admin/"), "Sorry, you do not have permission")
        self.assertTrue(TOTPDevice.objects.filter(pk=device.pk).exists())

    def test_signed_out_visitors_are_sent_to_sign_in(self):
        for address in ("/admin/2fa/auth", "/admin/2fa/devices/new", "/admin/2fa/devices/qr-code"):
            response = self.client.get(address)
            self.assertEqual(response.status_code, 302, address)
            self.assertTrue(response["Location"].startswith("/admin/login/"), address)
