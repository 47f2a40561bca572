import json

from django.test import override_settings

from kronika.testing import KronikaTestCase


class HealthAndReadinessTests(KronikaTestCase):
    def test_healthz_says_the_process_answers(self):
        response = self.client.get("/healthz")
        self.assertEqual((response.status_code, response.content), (200, b"ok"))

    def test_readyz_reports_the_database_and_the_cache(self):
        response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            json.loads(response.content), {"status": "ready", "database": "ok", "cache": "ok"}
        )

    def test_neither_is_ever_cached(self):
        for path in ("/healthz", "/readyz"):
            self.client.get(path)
            response = self.client.get(path)
            self.assertNotIn("X-Kronika-Cache", response)
            self.assertIn("no-store", response["Cache-Control"])

    @override_settings(SECURE_SSL_REDIRECT=True)
    def test_load_balancers_may_ask_over_plain_http(self):
        for path in ("/healthz", "/readyz"):
            self.assertEqual(self.client.get(path).status_code, 200)
