from django.test import RequestFactory, override_settings

from kronika.base.readers import client_fingerprint, client_ip
from kronika.comments.models import Comment
from kronika.testing import KronikaTestCase, post_comment, publish_article, reader_address


class ClientPrivacyTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Press freedom index")

    def test_a_stored_comment_keeps_no_address_only_a_keyed_hash(self):
        post_comment(self.client, self.article, reader=42, HTTP_USER_AGENT="Firefox")
        row = Comment.objects.values().get()
        self.assertNotIn(reader_address(42), " ".join(str(value) for value in row.values()))
        self.assertRegex(row["client"], r"^[0-9a-f]{64}$")

    def test_the_hash_depends_on_the_secret_key_the_address_and_the_browser(self):
        def fingerprint(address="203.0.113.5", agent="Firefox"):
            return client_fingerprint(
                RequestFactory().get("/", REMOTE_ADDR=address, HTTP_USER_AGENT=agent)
            )

        same = fingerprint()
        self.assertEqual(same, fingerprint())
        self.assertNotEqual(same, fingerprint(address="203.0.113.6"))
        self.assertNotEqual(same, fingerprint(agent="Chromium"))
        with override_settings(SECRET_KEY="another-secret-key-for-this-test-only-0123456789"):
            self.assertNotEqual(same, fingerprint())

    def test_forwarded_addresses_count_only_behind_trusted_proxies(self):
        request = RequestFactory().get(
            "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9"
        )
        with override_settings(KRONIKA_TRUSTED_PROXIES=0):
            self.assertEqual(client_ip(request), "10.0.0.2")
        with override_settings(KRONIKA_TRUSTED_PROXIES=1):
            self.assertEqual(client_ip(request), "203.0.113.9")
        with override_settings(KRONIKA_TRUSTED_PROXIES=2):
            self.assertEqual(client_ip(request), "6.6.6.6")
