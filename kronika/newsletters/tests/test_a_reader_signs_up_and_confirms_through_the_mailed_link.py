import time
from unittest import mock

from kronika.newsletters.models import PendingSignup, Subscriber
from kronika.newsletters.signup import CONFIRM_HOURS
from kronika.newsletters.tests.support import (
    NewsletterTestCase,
    confirmation_path,
    press_confirm,
)
from kronika.testing import paper_settings


class DoubleOptInTests(NewsletterTestCase):
    def test_nothing_but_the_sign_up_is_kept_until_the_link_confirms_it(self):
        paper_settings(name="The Baltic Times")
        response = self.sign_up(
            "Ona@Example.org", [self.digest.pk, self.breaking.pk], name="Ona Šimaitė"
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(response["Location"], "/newsletter/check-your-inbox/")
        self.assertEqual(response.cookies, {})
        page = self.client.get(response["Location"])
        self.assertContains(page, "Check your inbox")

        self.assertFalse(Subscriber.objects.exists())
        pending = PendingSignup.objects.get()
        self.assertEqual(pending.email, "ona@example.org")
        self.assertEqual(len(pending.client), 64)

        [mail] = self.sink.wait_for(1)
        self.assertEqual(mail.rcpt_tos, ("ona@example.org",))
        self.assertEqual(mail.message["Subject"], "Confirm your sign-up to The Baltic Times")
        text = mail.message.get_body(("plain",)).get_content()
        self.assertIn("- Daily digest\r\n- Breaking news", text)
        link = confirmation_path(mail.message)

        # Opening the link, as a mail scanner does, subscribes nobody.
        shown = self.client.get(link)
        self.assertContains(shown, "ona@example.org")
        self.assertContains(shown, 'method="post"')
        self.assertIn("no-store", shown["Cache-Control"])
        self.assertFalse(Subscriber.objects.exists())

        confirmed = press_confirm(self.client, link)
        self.assertContains(confirmed, "You are signed up")
        self.assertEqual(confirmed.cookies, {})
        subscriber = Subscriber.objects.get()
        self.assertEqual((subscriber.email, subscriber.name), ("ona@example.org", "Ona Šimaitė"))
        self.assertEqual(set(subscriber.newsletters.all()), {self.digest, self.breaking})
        self.assertFalse(PendingSignup.objects.exists())

    def test_a_used_forged_or_expired_link_is_a_readable_404(self):
        self.sign_up("ona@example.org", [self.digest.pk])
        link = confirmation_path(self.sink.wait_for(1)[0].message)
        press_confirm(self.client, link)
        for path in (link, link.replace("/confirm/", "/confirm/x"), "/newsletter/confirm/1/"):
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertContains(response, "This link has expired", status_code=404)

    def test_a_link_older_than_its_lifetime_no_longer_confirms(self):
        self.sign_up("ona@example.org", [self.digest.pk])
        link = confirmation_path(self.sink.wait_for(1)[0].message)
        later = time.time() + (CONFIRM_HOURS + 1) * 3600
        with mock.patch("django.core.signing.time.time", return_value=later):
            response = press_confirm(self.client, link)
        self.assertContains(response, "This link has expired", status_code=404)
        self.assertFalse(Subscriber.objects.exists())

    def test_confirming_again_adds_the_newly_chosen_newsletters(self):
        self.sign_up("ona@example.org", [self.digest.pk])
        press_confirm(self.client, confirmation_path(self.sink.wait_for(1)[0].message))
        PendingSignup.objects.all().delete()
        self.sign_up("ona@example.org", [self.breaking.pk], reader=2)
        press_confirm(self.client, confirmation_path(self.sink.wait_for(2)[1].message))
        subscriber = Subscriber.objects.get()
        self.assertEqual(set(subscriber.newsletters.all()), {self.digest, self.breaking})
