"""The admin wears the paper's own mark, not Wagtail's: in the sidebar, on the
sign-in page (which also names the paper), in the window title and the dashboard's heading.
"""

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, make_image, paper_settings


class AdminBrandingTests(KronikaTestCase):
    def setUp(self):
        paper_settings(name="Žinių Kronika")

    def test_the_sidebar_shows_the_wordmark(self):
        self.client.force_login(self.editor)
        page = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        branding = page.select_one("template[data-wagtail-sidebar-branding-logo]")
        self.assertEqual(branding.svg["aria-label"], "Žinių Kronika")
        self.assertIn("Žinių Kronika", page.title.get_text())

    def test_the_sign_in_page_names_the_paper_and_shows_its_logo_when_there_is_one(self):
        page = BeautifulSoup(self.client.get("/admin/login/").content, "html.parser")
        self.assertEqual(page.h1.get_text(), "Sign in to Žinių Kronika")
        self.assertEqual(page.select_one(".login-logo svg")["aria-label"], "Žinių Kronika")
        # Sized by the project's admin stylesheet, beside Wagtail's own.
        stylesheets = [link["href"] for link in page.select("link[rel=stylesheet]")]
        self.assertTrue(any("/kronika/admin." in href for href in stylesheets))

        paper_settings(logo=make_image("Masthead logo"))
        page = BeautifulSoup(self.client.get("/admin/login/").content, "html.parser")
        self.assertEqual(page.select_one(".login-logo img")["alt"], "Žinių Kronika")
        self.assertIsNone(page.select_one(".login-logo svg"))

    def test_the_dashboard_is_headed_by_the_papers_name(self):
        self.client.force_login(self.reporter)
        page = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        self.assertEqual(page.h1.get_text(strip=True), "Žinių Kronika")
