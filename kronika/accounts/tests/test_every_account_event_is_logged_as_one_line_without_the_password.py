"""Every staff account event is one line on the `kronika.accounts` logger, naming the
event, the account and the client, and never the password or code that was sent."""

import time

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kronika.accounts.tests.support import change_own_password, code_for, form_data, sign_in
from kronika.testing import PASSWORD, KronikaTestCase

WRONG = "Sekret-wrong-passphrase-42"
NEW_PASSWORD = "Sekret-new-passphrase-for-2026"


@override_settings(AXES_FAILURE_LIMIT=2)
class AccountEventLogTests(KronikaTestCase):
    def events(self, logs) -> list[tuple[str, str | None]]:
        return [(record.event, record.username) for record in logs.records]

    def assert_clean(self, logs, *secrets):
        for record, line in zip(logs.records, logs.output, strict=True):
            self.assertEqual(record.name, "kronika.accounts")
            self.assertNotIn("\n", line)
            self.assertTrue(line.split(":", 2)[2].startswith(record.event + " user="), line)
            for secret in secrets:
                self.assertNotIn(secret, line)
                self.assertNotIn(secret, str(vars(record)))

    def test_sign_ins_failures_lockouts_refusals_and_sign_outs(self):
        with self.assertLogs("kronika.accounts", "INFO") as logs:
            sign_in(self.client, "reporter", PASSWORD, address="192.0.2.1")
            self.client.post("/admin/logout/", REMOTE_ADDR="192.0.2.1")
            sign_in(self.client, "editor", WRONG, address="192.0.2.2")
            sign_in(self.client, "editor", WRONG, address="192.0.2.3")
            sign_in(self.client, "editor", PASSWORD, address="192.0.2.4")
        self.assertEqual(
            self.events(logs),
            [
                ("login", "reporter"),
                ("logout", "reporter"),
                ("login_failed", "editor"),
                ("login_failed", "editor"),
                ("lockout", "editor"),
                ("login_refused", "editor"),
            ],
        )
        self.assertEqual(
            [record.client for record in logs.records],
            ["192.0.2.1", "192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.3", "192.0.2.4"],
        )
        self.assert_clean(logs, PASSWORD, WRONG)

    def test_a_name_typed_with_a_line_break_cannot_forge_a_second_line(self):
        with self.assertLogs("kronika.accounts", "INFO") as logs:
            sign_in(self.client, "mallory\nINFO kronika.accounts login user='editor'", WRONG)
        self.assertEqual(self.events(logs)[0][0], "login_failed")
        self.assert_clean(logs, WRONG)

    def test_password_changes_and_deactivations(self):
        admin = get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)
        self.client.force_login(self.reporter)
        with self.assertLogs("kronika.accounts", "INFO") as logs:
            change_own_password(self.client, PASSWORD, NEW_PASSWORD)
            self.client.force_login(admin)
            url = reverse("wagtailusers_users:edit", args=[self.editor.pk])
            data = form_data(self.client.get(url))
            data.update(first_name="Ed", last_name="Itor")
            del data["is_active"]
            self.client.post(url, data)
        self.assertIn(("password_changed", "reporter"), self.events(logs))
        self.assertIn(("account_deactivated", "editor"), self.events(logs))
        self.assert_clean(logs, PASSWORD, NEW_PASSWORD)

    @override_settings(KRONIKA_2FA_REQUIRED=True)
    def test_two_factor_failures_and_devices(self):
        self.client.force_login(self.editor)
        self.client.get("/admin/2fa/devices/new")
        device = TOTPDevice.objects.get(user=self.editor)
        code = code_for(device)
        with self.assertLogs("kronika.accounts", "INFO") as logs:
            self.client.post(
                "/admin/2fa/devices/new",
                {"name": "Phone", "otp_token": code, "password": PASSWORD},
            )
            self.client.post("/admin/logout/")
            sign_in(self.client, "editor", PASSWORD)
            wrong_code = f"{(int(code) + 1) % 10**6:06d}"
            self.client.post("/admin/2fa/auth", {"otp_token": wrong_code})
            time.sleep(1.1)  # django-otp refuses any code for a second after a wrong one
            self.client.post("/admin/2fa/auth", {"otp_token": code_for(device, 1)})
            self.client.post(f"/admin/2fa/devices/{device.pk}/remove", {})
        self.assertEqual(
            self.events(logs),
            [
                ("2fa_device_added", "editor"),
                ("logout", "editor"),
                ("login", "editor"),
                ("2fa_failed", "editor"),
                ("2fa_device_removed", "editor"),
            ],
        )
        self.assert_clean(logs, PASSWORD, code, wrong_code)
