from datetime import timedelta

from django.utils import timezone

from kronika.newsletters.models import PendingSignup
from kronika.newsletters.signup import CONFIRM_HOURS
from kronika.newsletters.tests.support import NewsletterTestCase


class SignupLimitTests(NewsletterTestCase):
    def test_an_address_gets_at_most_one_confirmation_mail_an_hour(self):
        for reader in (1, 2, 3):
            response = self.sign_up("ona@example.org", [self.digest.pk], reader=reader)
            # The same answer each time: nobody learns that the address signed up before.
            self.assertEqual(response.status_code, 303)
        self.sink.wait_for(1)
        self.assertEqual(len(self.sink.received), 1)
        self.assertEqual(PendingSignup.objects.count(), 1)

    def test_an_hour_later_the_address_may_ask_again(self):
        self.sign_up("ona@example.org", [self.digest.pk])
        PendingSignup.objects.update(requested_at=timezone.now() - timedelta(minutes=61))
        self.sign_up("ona@example.org", [self.digest.pk], reader=2)
        self.sink.wait_for(2)

    def test_one_client_may_sign_up_only_so_many_addresses_an_hour(self):
        with self.settings(KRONIKA_NEWSLETTER_SIGNUPS_PER_HOUR=3):
            for number in range(3):
                response = self.sign_up(f"reader{number}@example.org", [self.digest.pk])
                self.assertEqual(response.status_code, 303)
            refused = self.sign_up("reader3@example.org", [self.digest.pk])
            self.assertContains(refused, "Too many sign-ups", status_code=429)
            self.assertEqual(refused["Retry-After"], "3600")
            # Another reader is not held back by the first.
            self.assertEqual(
                self.sign_up("other@example.org", [self.digest.pk], reader=2).status_code, 303
            )
        self.assertEqual(PendingSignup.objects.count(), 4)

    def test_a_sign_up_never_confirmed_is_deleted_once_its_link_has_expired(self):
        self.sign_up("forgotten@example.org", [self.digest.pk])
        PendingSignup.objects.update(
            requested_at=timezone.now() - timedelta(hours=CONFIRM_HOURS, minutes=1)
        )
        self.sign_up("ona@example.org", [self.digest.pk], reader=2)
        self.assertEqual(
            list(PendingSignup.objects.values_list("email", flat=True)), ["ona@example.org"]
        )
