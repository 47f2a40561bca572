"""A paper without search (KRONIKA_FEATURES) still draws its 404 page, with the headlines.

Such a paper has no search address at all, so a form naming it would make the
design fail and leave readers the bare fallback page: these tests route without
search and tell the templates it is not installed, as such a paper does.
"""

from unittest import mock

from bs4 import BeautifulSoup
from django.apps import apps
from django.test import override_settings
from django.urls.resolvers import URLResolver

from kronika import urls as project_urls
from kronika.testing import KronikaTestCase, publish_article


def search_left_out(patterns) -> list:
    """The project's patterns without search's, inside the language prefixes too."""
    kept = []
    for pattern in patterns:
        module = getattr(pattern, "urlconf_name", None)
        if isinstance(module, list):
            kept.append(URLResolver(pattern.pattern, search_left_out(module)))
        elif not (isinstance(pattern, URLResolver) and module.__name__ == "kronika.search.urls"):
            kept.append(pattern)
    return kept


urlpatterns = search_left_out(project_urls.urlpatterns)
handler404 = project_urls.handler404

installed = apps.is_installed


def without_search(name: str) -> bool:
    return name != "kronika.search" and installed(name)


@override_settings(ROOT_URLCONF=__name__)
class NotFoundWithoutSearchTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Harbour reopens")

    def test_this_paper_has_no_search_address(self):
        self.assertEqual(self.client.get("/search/?q=harbour").status_code, 404)

    def test_the_404_page_keeps_its_design_and_headlines_without_a_search_form(self):
        with mock.patch.object(apps, "is_installed", side_effect=without_search):
            response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(response.cookies)
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertIsNotNone(soup.select_one(".site-header"), "the design fell back")
        self.assertIsNone(soup.select_one("form[role=search]"))
        self.assertIsNone(soup.select_one('a[href^="/search/"]'))
        self.assertEqual(soup.select_one(".error-headlines a")["href"], self.article.url)
