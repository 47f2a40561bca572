"""The search page is only read: any other method, even with a valid CSRF token,
gets a readable 405 with `Allow: GET, HEAD`."""

from kronika.testing import KronikaTestCase


class SearchPageAnswersOnlyGetAndHeadTests(KronikaTestCase):
    def test_the_search_page_answers_only_get_and_head(self):
        for url in ("/search/", "/search/?q=harbour"):
            self.assertOnlyGetAndHead(url)
