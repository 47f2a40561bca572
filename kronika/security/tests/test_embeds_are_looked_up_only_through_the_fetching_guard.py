"""Embeds (issue 9, point 6): the admin's embed chooser asks providers through the guard.

Wagtail's oEmbed finder would follow a provider's redirect anywhere and connect
to whatever a name resolves to when it connects. An editor pastes a link into
the embed chooser; the provider endpoint it is matched to is aimed at the
loopback canary in every notation, redirects there, or rebinds there, and the
canary must see no connection while the chooser answers with its error.
"""

from django.test import override_settings
from django.urls import reverse
from wagtail.embeds.finders import get_finders

from kronika.security.embeds import GuardedOEmbedFinder
from kronika.security.fetching import Guard
from kronika.security.tests.outbound_servers import (
    PUBLIC_STAND_IN,
    fake_dns,
    stand_in_and_canary,
    stand_in_policy,
)
from kronika.testing import KronikaTestCase

VIDEO = "https://video.example/watch/1"


class EmbedChooserTests(KronikaTestCase):
    def setUp(self):
        servers = stand_in_and_canary()
        self.stand_in, self.canary = servers.__enter__()
        self.addCleanup(servers.__exit__, None, None, None)
        self.client.force_login(self.editor)
        get_finders.cache_clear()
        self.addCleanup(get_finders.cache_clear)

    def choose(self, endpoint: str) -> dict:
        """Paste VIDEO into the embed chooser, with its provider's endpoint at `endpoint`."""
        finders = [
            {
                "class": "kronika.security.embeds.GuardedOEmbedFinder",
                "providers": [{"endpoint": endpoint, "urls": [r"^https://video\.example/.+$"]}],
                "guard": Guard(timeout=5, refuse=stand_in_policy(self.stand_in)),
            }
        ]
        get_finders.cache_clear()
        with override_settings(WAGTAILEMBEDS_FINDERS=finders):
            response = self.client.post(
                reverse("wagtailembeds:chooser_upload"), {"embed-chooser-url": VIDEO}
            )
        get_finders.cache_clear()
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_the_site_looks_embeds_up_with_the_guarded_finder(self):
        self.assertEqual([type(f) for f in get_finders()], [GuardedOEmbedFinder])

    def test_a_provider_endpoint_on_this_machine_is_never_contacted(self):
        port = self.canary.port
        endpoints = [
            f"http://127.0.0.1:{port}/oembed",
            f"http://0.0.0.0:{port}/oembed",
            f"http://0177.0.0.1:{port}/oembed",
            f"http://2130706433:{port}/oembed",
            f"http://[::ffff:127.0.0.1]:{port}/oembed",
            f"http://localhost:{port}/oembed",
            "http://169.254.169.254/latest/meta-data/",
            self.stand_in.url(f"/redirect?to=http://127.0.0.1:{port}/oembed"),
            self.stand_in.url(f"/redirect?to=http://2130706433:{port}/oembed"),
        ]
        for endpoint in endpoints:
            with self.subTest(endpoint=endpoint):
                answer = self.choose(endpoint)
                self.assertEqual(answer["step"], "chooser")
                self.assertIn("Cannot find an embed for this URL.", answer["html"])
        self.assertEqual(self.canary.connections, 0, self.canary.requests)

    def test_a_provider_name_that_rebinds_to_this_machine_is_fetched_from_the_checked_address(
        self,
    ):
        endpoint = self.stand_in.url("/oembed", host="rebind.example")
        with fake_dns({"rebind.example": [PUBLIC_STAND_IN, "127.0.0.1"]}):
            answer = self.choose(endpoint)
        self.assertEqual(answer["step"], "embed_chosen")
        self.assertEqual(answer["embed_data"]["title"], "A video elsewhere")
        self.assertEqual(self.canary.connections, 0, self.canary.requests)

    def test_an_allowed_provider_answers_with_the_embed(self):
        answer = self.choose(self.stand_in.url("/oembed"))
        self.assertEqual(answer["step"], "embed_chosen")
        self.assertEqual(answer["embed_data"]["providerName"], "Stand-in")
        path, headers = self.stand_in.requests[0]
        self.assertTrue(path.startswith("/oembed?url=https%3A%2F%2Fvideo.example%2Fwatch%2F1"))
        self.assertEqual(headers["Accept"], "application/json")
