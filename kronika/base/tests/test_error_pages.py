from unittest import mock

from django.test import RequestFactory, override_settings

from kronika.base import views
from kronika.testing import KronikaTestCase


class ErrorPageTests(KronikaTestCase):
    def assert_in_site_design(self, response, status, title):
        self.assertEqual(response.status_code, status)
        content = response.content.decode()
        self.assertIn(title, content)
        self.assertIn('class="site-header"', content, "the error page should use the site design")
        self.assertIn('href="/news/"', content, "the error page should offer the sections")

    def test_an_unknown_address_gets_a_404_page_in_the_site_design(self):
        self.assert_in_site_design(self.client.get("/no/such/page/"), 404, "Page not found")

    def test_a_malformed_page_number_gets_a_404(self):
        self.assert_in_site_design(self.client.get("/news/?page=%FF%FE"), 404, "Page not found")

    @override_settings(KRONIKA_MAX_QUERY_STRING=2048)
    def test_an_oversized_query_string_gets_a_414(self):
        response = self.client.get("/news/?q=" + "x" * 5000)
        self.assert_in_site_design(response, 414, "Address too long")

    def test_many_query_parameters_get_a_4xx_not_a_500(self):
        response = self.client.get("/news/?" + "&".join(f"p{n}=1" for n in range(300)))
        self.assertLess(response.status_code, 500)

    def test_a_forged_host_header_gets_a_400(self):
        response = self.client.get("/", HTTP_HOST="evil.example")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Bad request", response.content.decode())

    def test_the_server_error_page_is_in_the_site_design(self):
        request = RequestFactory().get("/")
        response = views.server_error(request)
        self.assertEqual(response.status_code, 500)
        self.assertIn("Something went wrong", response.content.decode())
        self.assertNotIn("Traceback", response.content.decode())

    def test_the_error_page_falls_back_to_plain_html_when_the_design_fails(self):
        real = views.render_to_string

        def failing_design(template, *args, **kwargs):
            if template == "error.html":
                raise ConnectionError("database is down")
            return real(template, *args, **kwargs)

        with mock.patch.object(views, "render_to_string", side_effect=failing_design):
            response = views.server_error(RequestFactory().get("/"))
        self.assertEqual(response.status_code, 500)
        self.assertIn("Something went wrong", response.content.decode())
