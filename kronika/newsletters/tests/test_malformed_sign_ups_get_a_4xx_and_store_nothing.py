"""Issue 24's acceptance 4: a thousand malformed sign-ups, each a 4xx page, none kept."""

import random
from urllib.parse import urlencode

from kronika.mail.models import OutgoingMail
from kronika.newsletters.models import Newsletter, PendingSignup, Subscriber
from kronika.newsletters.tests.support import SUBSCRIBE, NewsletterTestCase, sign_up

BAD_ADDRESSES = [
    "",
    "plainaddress",
    "@example.org",
    "reader@",
    "reader@@example.org",
    "reader@example..org",
    "reader@example.org\r\nBcc: victim@example.org",
    "reader@example.org\nSubject: spam",
    "reader@example.org%0ABcc:x@example.org",
    "reader example@example.org",
    "<reader@example.org>",
    "Reader <reader@example.org>",
    "reader@example.org, other@example.org",
    "x" * 250 + "@example.org",
    "reader@" + "a" * 250 + ".org",
    "reader\x00@example.org",
]
BAD_NAMES = [
    "Ona\r\nBcc: victim@example.org",
    "Ona\nX-Header: injected",
    "Ona\x00",
    "Ona\x1b[31m",
    "x" * 81,
]


class MalformedSignupTests(NewsletterTestCase):
    def assertRefusedAndNothingKept(self, response):
        self.assertGreaterEqual(response.status_code, 400, response.content[:300])
        self.assertLess(response.status_code, 500)
        self.assertNotIn(b"Traceback", response.content)
        self.assertFalse(PendingSignup.objects.exists())
        self.assertFalse(Subscriber.objects.exists())
        self.assertFalse(OutgoingMail.objects.exists())

    def test_each_kind_of_bad_input_is_named_on_a_400_page(self):
        good = [self.digest.pk]
        cases = {
            "bad address": [{"email": email, "newsletters": good} for email in BAD_ADDRESSES],
            "bad name": [{"name": name, "newsletters": good} for name in BAD_NAMES],
            "no newsletter": [{"newsletters": []}],
            "unknown newsletter": [
                {"newsletters": [value]}
                for value in ("0", "-1", "abc", "1.5", "9" * 30, str(2**63), "1 OR 1=1")
            ],
            "honeypot": [{"newsletters": good, "website": "http://spam.example"}],
            "over-long honeypot": [{"newsletters": good, "website": "x" * 5000}],
        }
        for kind, variants in cases.items():
            for fields in variants:
                with self.subTest(kind=kind, fields=repr(fields)[:80]):
                    response = self.sign_up(**{"email": "reader@example.org", **fields})
                    self.assertRefusedAndNothingKept(response)
                    self.assertContains(response, "<h1", status_code=response.status_code)

    def test_a_newsletter_of_another_language_or_not_offered_is_refused(self):
        closed = Newsletter.objects.create(name="Closed", kind="digest", offered=False)
        lithuanian = Newsletter.objects.create(name="Dienos", kind="digest", language="lt")
        for newsletter in (closed, lithuanian):
            with self.subTest(newsletter=newsletter.name):
                self.assertRefusedAndNothingKept(self.sign_up(newsletters=[newsletter.pk]))

    def test_what_is_not_a_form_post_from_this_site_is_refused(self):
        body = urlencode({"email": "reader@example.org", "newsletters": self.digest.pk})
        form = "application/x-www-form-urlencoded"
        answers = [
            self.client.get(SUBSCRIBE),
            self.client.post(SUBSCRIBE, body, content_type="application/json"),
            self.client.post(
                SUBSCRIBE, body, content_type=form, HTTP_ORIGIN="https://evil.example"
            ),
            self.client.post(SUBSCRIBE, body, content_type=form, HTTP_SEC_FETCH_SITE="cross-site"),
            self.client.post(SUBSCRIBE, b"email=%ff%fe", content_type=form),
            self.client.post(SUBSCRIBE, "x=" + "y" * 2_000_000, content_type=form),
        ]
        for response in answers:
            with self.subTest(status=response.status_code):
                self.assertRefusedAndNothingKept(response)

    def test_a_thousand_malformed_sign_ups_each_get_a_4xx_and_store_nothing(self):
        rng = random.Random(24)
        good = {"email": "reader@example.org", "name": "Ona", "newsletters": [self.digest.pk]}
        breakers = [
            lambda: {"email": rng.choice(BAD_ADDRESSES)},
            lambda: {"name": rng.choice(BAD_NAMES)},
            lambda: {"newsletters": [str(rng.randint(10_000, 10**20))]},
            lambda: {"newsletters": []},
            lambda: {"website": "x" * rng.randint(1, 300)},
            lambda: {"email": "a" * rng.randint(255, 2000) + "@example.org"},
            lambda: {"name": "N" * rng.randint(81, 3000)},
        ]
        statuses = set()
        for number in range(1000):
            fields = {**good, **rng.choice(breakers)()}
            response = sign_up(self.client, reader=number, **fields)
            statuses.add(response.status_code)
            if not 400 <= response.status_code < 500:
                self.fail(f"sign-up {number} ({fields!r:.100}) answered {response.status_code}")
        self.assertRefusedAndNothingKept(response)
        self.assertEqual(statuses, {400})
