"""Error pages tell a visitor what went wrong in plain words and nothing about
the machinery: no traceback, no setting, no software name or version.
"""

import re

from django.conf import settings
from django.test import Client, override_settings
from django.urls import path

from kronika import urls as project_urls
from kronika.testing import KronikaTestCase, comment_form_data, post_form, publish_article

SECRET_DETAIL = "SECRET_KEY leaked from DATABASES"


def failing_view(request):
    raise RuntimeError(f"{SECRET_DETAIL}: {settings.SECRET_KEY}")


# This module doubles as a URLconf: the site's URLs plus one view that fails.
urlpatterns = [path("fails/", failing_view), *project_urls.urlpatterns]
handler500 = "kronika.base.views.server_error"

GIVEAWAYS = re.compile(
    r"Traceback|File \"|\bDjango\b|\bWagtail\b|granian|Python|"
    r"SECRET_KEY|DATABASES|INSTALLED_APPS|MIDDLEWARE|ROOT_URLCONF|DEBUG|"
    r"site-packages|\w\.py\b|\b\d+\.\d+\.\d+\b",
)


class ErrorPagesTests(KronikaTestCase):
    def assert_generic(self, response, status):
        self.assertEqual(response.status_code, status)
        body = response.content.decode()
        self.assertIsNone(GIVEAWAYS.search(body), GIVEAWAYS.search(body))
        self.assertNotIn(settings.SECRET_KEY, body)

    def test_the_check_would_see_a_debug_page(self):
        debug_page = 'Traceback (most recent call last):\n  File "/app/kronika/views.py"'
        self.assertIsNotNone(GIVEAWAYS.search(debug_page))
        self.assertIsNotNone(GIVEAWAYS.search("Django Version: 5.2.19"))

    @override_settings(ROOT_URLCONF=__name__)
    def test_a_server_error_shows_nothing_of_the_error(self):
        client = Client(raise_request_exception=False)
        with self.assertLogs("django.request", "ERROR"):
            self.assert_generic(client.get("/fails/"), 500)

    def test_a_missing_page(self):
        self.assert_generic(self.client.get("/no/such/page/"), 404)

    def test_a_forged_host(self):
        self.assert_generic(self.client.get("/", HTTP_HOST="evil.example"), 400)

    def test_a_form_posted_without_its_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        self.assert_generic(client.post("/admin/login/", {"username": "x"}), 403)

    def test_a_reader_form_posted_from_another_site(self):
        article = publish_article(self.news, "Ferries run late")
        response = post_form(
            self.client,
            f"/comments/{article.pk}/",
            comment_form_data(article),
            HTTP_ORIGIN="https://evil.example",
        )
        self.assert_generic(response, 403)

    @override_settings(KRONIKA_MAX_QUERY_STRING=256)
    def test_an_address_too_long(self):
        self.assert_generic(self.client.get("/news/?q=" + "x" * 1000), 414)

    @override_settings(KRONIKA_MAX_HEADER_BYTES=1024)
    def test_headers_too_large(self):
        self.assert_generic(self.client.get("/", HTTP_X_PADDING="x" * 2000), 431)
