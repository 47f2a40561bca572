"""Sign-in throttling: an account locked after N failures from anywhere, a client
after M failures across accounts, answered with a readable 429 in the admin's design."""

import re
from datetime import timedelta

from axes.models import AccessAttempt
from django.db.models import Sum
from django.test import override_settings

from kronika.accounts.tests.support import sign_in
from kronika.testing import PASSWORD, KronikaTestCase

WRONG = "not the right password at all"


def same_for_all(response, username: str) -> str:
    """The page without what differs for every request: the name typed and the CSRF token."""
    page = response.content.decode().replace(f'value="{username}"', 'value="…"')
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
    return re.sub(r'"CSRF_TOKEN": "[^"]+"', "", page)


def failures(**which) -> int:
    return AccessAttempt.objects.filter(**which).aggregate(n=Sum("failures_since_start"))["n"] or 0


@override_settings(AXES_FAILURE_LIMIT=3, KRONIKA_LOGIN_CLIENT_FAILURE_LIMIT=5)
class SignInThrottleTests(KronikaTestCase):
    def assert_locked_out(self, response):
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response["Retry-After"], str(15 * 60))
        page = response.content.decode()
        self.assertIn("Too many failed sign-ins", page)
        self.assertIn("Try again in 15 minutes", page)
        # The admin's own design: its stylesheet and its sign-in page's layout.
        self.assertIn('class="login', page)
        self.assertIn("wagtailadmin/css/core.css", page)

    def test_it_locks_an_account_after_the_limit_from_any_address(self):
        for number in range(2):
            response = sign_in(self.client, "editor", WRONG, address=f"192.0.2.{number + 1}")
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "didn&#x27;t match")
        # The third failure locks the account, and says so.
        self.assert_locked_out(sign_in(self.client, "editor", WRONG, address="192.0.2.3"))
        self.assertEqual(failures(username="editor"), 3)
        # Now even the right password, from an address never seen, is refused unread.
        self.assert_locked_out(sign_in(self.client, "editor", PASSWORD, address="203.0.113.9"))
        self.assertEqual(failures(username="editor"), 3)
        self.assertNotIn("_auth_user_id", self.client.session)
        # Another account is not affected.
        self.assertEqual(sign_in(self.client, "reporter", PASSWORD).status_code, 302)

    def test_it_locks_a_client_after_the_limit_across_accounts(self):
        names = ["editor", "reporter", "reader", "nobody", "someone"]
        for name in names[:4]:
            self.assertEqual(sign_in(self.client, name, WRONG).status_code, 200)
        self.assert_locked_out(sign_in(self.client, names[4], WRONG))
        self.assertEqual(failures(ip_address="192.0.2.10"), 5)
        # The client is refused even with a right password; another client is not.
        self.assert_locked_out(sign_in(self.client, "reporter", PASSWORD))
        self.assertEqual(
            sign_in(self.client, "reporter", PASSWORD, address="192.0.2.77").status_code, 302
        )

    def test_an_unknown_account_locks_like_a_known_one(self):
        # Otherwise the lockout itself would tell which accounts exist.
        answers = {}
        for name in ("editor", "no-such-person"):
            pages = [
                sign_in(self.client, name, WRONG, address=f"198.51.100.{n}") for n in range(4)
            ]
            answers[name] = [(page.status_code, same_for_all(page, name)) for page in pages]
        self.assertEqual(answers["editor"], answers["no-such-person"])
        self.assertEqual([status for status, _ in answers["editor"]], [200, 200, 429, 429])

    def test_a_right_password_clears_the_accounts_failures_from_its_own_address_only(self):
        sign_in(self.client, "editor", WRONG, address="198.51.100.66")  # someone elsewhere
        for name in ("editor", "nobody"):
            sign_in(self.client, name, WRONG)
        self.assertEqual(sign_in(self.client, "editor", PASSWORD).status_code, 302)
        self.assertEqual(failures(username="editor"), 1)
        self.assertEqual(failures(username="editor", ip_address="198.51.100.66"), 1)
        self.assertEqual(failures(ip_address="192.0.2.10"), 1)

    def test_the_lock_ends_when_the_cooloff_has_passed_since_the_last_failure(self):
        for _ in range(3):
            sign_in(self.client, "editor", WRONG)
        AccessAttempt.objects.update(attempt_time=self.days_ago(0) - timedelta(minutes=14))
        self.assert_locked_out(sign_in(self.client, "editor", PASSWORD))
        AccessAttempt.objects.update(attempt_time=self.days_ago(0) - timedelta(minutes=16))
        self.assertEqual(sign_in(self.client, "editor", PASSWORD).status_code, 302)

    @override_settings(KRONIKA_TRUSTED_PROXIES=1)
    def test_behind_a_proxy_the_client_is_the_address_the_proxy_saw(self):
        # Addresses a client writes into X-Forwarded-For itself are not believed.
        for forged in ("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"):
            response = sign_in(
                self.client,
                f"user-{forged}",
                WRONG,
                address="127.0.0.1",
                HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.50",
            )
        self.assert_locked_out(response)
        self.assertEqual(failures(ip_address="203.0.113.50"), 5)
        self.assertFalse(AccessAttempt.objects.filter(ip_address="127.0.0.1").exists())
