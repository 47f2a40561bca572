"""A thousand broken submissions: each one a 4xx with a readable message, and no row stored."""

import random
from urllib.parse import urlencode

from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client

from kronika.comments.models import Comment
from kronika.ratings.models import Rating
from kronika.testing import (
    KronikaTestCase,
    comment_form_data,
    draft_article,
    publish_article,
    reader_address,
)

FORM = "application/x-www-form-urlencoded"
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


class MalformedSubmissionTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Central bank raises rates")
        cls.draft = draft_article(cls.news, "Not yet published")

    def cases(self, rng: random.Random):
        """Yield (description, request keyword arguments) for one malformed submission each."""
        article = self.article

        def form(**changes):
            data = comment_form_data(article)
            for key, value in changes.items():
                if value is None:
                    data.pop(key, None)
                else:
                    data[key] = value
            return urlencode(data, doseq=True)

        def unknown_id():
            return rng.choice([10**6 + rng.randint(0, 10**6), 2**63, 10**30])

        def junk(length):
            return "".join(rng.choice("abc xyz\n.,!ąčęžš€🙂") for _ in range(length))

        makers = [
            lambda: (
                "missing fields",
                {
                    "data": form(
                        **dict.fromkeys(rng.sample(["name", "body", "started"], rng.randint(1, 3)))
                    )
                },
            ),
            lambda: ("empty name", {"data": form(name=rng.choice(["", "   ", "\t"]))}),
            lambda: ("blank body", {"data": form(body=rng.choice(["", " \n\n ", "\r\n"]))}),
            lambda: ("over-long body", {"data": form(body=junk(rng.randint(5001, 12000)))}),
            lambda: ("over-long name", {"data": form(name="N" * rng.randint(81, 3000))}),
            lambda: (
                "bad email",
                {
                    "data": form(
                        email=rng.choice(
                            [
                                "not-an-email",
                                "a@",
                                "@example.org",
                                "a b@example.org",
                                "x" * 250 + "@e.org",
                                "a@@example.org",
                                "<script>@example.org",
                            ]
                        )
                    )
                },
            ),
            lambda: (
                "wrong parent type",
                {
                    "data": form(
                        parent=rng.choice(
                            ["abc", "-1", "0", "1.5", "1e3", str(2**70), "[]", "' OR 1=1 --"]
                        )
                    )
                },
            ),
            lambda: ("unknown parent", {"data": form(parent=str(rng.randint(10**6, 10**9)))}),
            lambda: (
                "NUL characters",
                {"data": form(**{rng.choice(["name", "body"]): f"bad\x00{junk(5)}"})},
            ),
            lambda: (
                "honeypot filled",
                {"data": form(website=rng.choice(["http://spam.example", "x", junk(20)]))},
            ),
            lambda: (
                "bad form token",
                {
                    "data": form(
                        started=rng.choice(["", "garbage", junk(30), "eyJhIjoxfQ:1abc:forged"])
                    )
                },
            ),
            lambda: (
                "invalid UTF-8",
                {
                    "data": b"name="
                    + bytes(
                        rng.choice([0x80, 0xC3, 0xE2, 0xED, 0xF8, 0xFF])
                        for _ in range(rng.randint(1, 8))
                    )
                    + b"&body=x"
                },
            ),
            lambda: (
                "percent-encoded invalid UTF-8",
                {
                    "data": form()
                    + "&body="
                    + rng.choice(["%FF", "%C3%28", "%ED%A0%80", "%E2%82", "%F8%88%80%80%80"])
                },
            ),
            lambda: (
                "wrong content type",
                {
                    "data": form(),
                    "content_type": rng.choice(
                        ["text/plain", "application/json", "multipart/form-data; boundary=x", ""]
                    ),
                },
            ),
            lambda: (
                "unknown article",
                {
                    "path": f"/comments/{unknown_id()}/",
                    "data": form(),
                },
            ),
            lambda: ("draft article", {"path": f"/comments/{self.draft.pk}/", "data": form()}),
            lambda: ("wrong method", {"method": rng.choice(["get", "put", "delete", "patch"])}),
            lambda: (
                "forged CSRF token",
                {
                    "headers": {},
                    "data": form(csrfmiddlewaretoken=junk(64)),
                    # Header values reach the app as latin-1 text, so only such cookies are real.
                    "cookies": {
                        settings.CSRF_COOKIE_NAME: rng.choice(["", "b" * 20, "a" * 32, "Z9" * 32])
                    },
                },
            ),
            lambda: ("missing CSRF token", {"headers": {}, "data": form()}),
            lambda: (
                "cross-site origin",
                {
                    "headers": rng.choice(
                        [
                            {"HTTP_ORIGIN": "https://evil.example"},
                            {"HTTP_SEC_FETCH_SITE": "cross-site"},
                            {"HTTP_ORIGIN": "null"},
                        ]
                    ),
                    "data": form(),
                },
            ),
            lambda: (
                "huge header",
                {
                    "data": form(),
                    "headers": {
                        **SAME_ORIGIN,
                        f"HTTP_X_{rng.choice(['JUNK', 'PADDING', 'TRACE'])}": "x"
                        * rng.randint(17_000, 60_000),
                    },
                },
            ),
            lambda: ("huge cookie", {"data": form(), "cookies": {"junk": "y" * 20_000}}),
            lambda: ("too many fields", {"data": form() + "&f=1" * 1001}),
            lambda: ("body larger than the site accepts", {"data": form(body="z" * 2_700_000)}),
            lambda: (
                "bad rating",
                {
                    "path": f"/ratings/{rng.choice([article.pk, self.draft.pk, 10**7])}/",
                    "data": urlencode(
                        {"stars": rng.choice(["0", "6", "-1", "", "abc", "4.5", "5 "])}
                    ),
                },
            ),
        ]
        for _ in range(1000):
            yield rng.choice(makers)()

    def test_a_thousand_malformed_submissions_each_get_a_readable_4xx_and_store_nothing(self):
        rng = random.Random(20261127)
        url = f"/comments/{self.article.pk}/"
        seen = set()
        for number, (kind, case) in enumerate(self.cases(rng)):
            seen.add(kind)
            client = Client(enforce_csrf_checks=True)
            for name, value in case.get("cookies", {}).items():
                client.cookies[name] = value
            headers = case.get("headers", SAME_ORIGIN)
            method = getattr(client, case.get("method", "post"))
            response = method(
                case.get("path", url),
                case.get("data", ""),
                content_type=case.get("content_type", FORM),
                REMOTE_ADDR=reader_address(number),
                **headers,
            )
            with self.subTest(number=number, kind=kind):
                self.assertGreaterEqual(response.status_code, 400)
                self.assertLess(response.status_code, 500)
                main = BeautifulSoup(response.content, "html.parser").find("main")
                self.assertIsNotNone(main, "an HTML page in the site's design")
                message = main.find("p").get_text(strip=True)
                self.assertGreater(len(message), 20, message)
        self.assertEqual(Comment.objects.count(), 0)
        self.assertEqual(Rating.objects.count(), 0)
        self.assertEqual(len(seen), 25, "every kind of malformed submission was sent")
