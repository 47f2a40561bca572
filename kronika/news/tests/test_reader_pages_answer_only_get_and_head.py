"""Reader pages are only read: PUT, PATCH, DELETE, POST, OPTIONS and TRACE get a
readable 405 with `Allow: GET, HEAD`, even with a valid CSRF token. The forms
readers send go to addresses of their own (/comments/…, /ratings/…)."""

from kronika.base.models import StandardPage
from kronika.testing import KronikaTestCase, publish_article


class ReaderPagesAnswerOnlyGetAndHeadTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(
            cls.news, "Harbour reopens", tags=["harbour"], authors=[cls.alice]
        )
        cls.about = StandardPage(title="About us", slug="about")
        cls.home.add_child(instance=cls.about)
        cls.about.save_revision().publish()

    def test_wagtail_pages_answer_only_get_and_head(self):
        for url in ("/", self.news.url, self.article.url, self.about.url):
            self.assertOnlyGetAndHead(url)

    def test_tag_and_author_pages_answer_only_get_and_head(self):
        for url in ("/tags/harbour/", "/authors/alice/"):
            self.assertOnlyGetAndHead(url)

    def test_a_missing_page_is_still_a_404_whatever_the_method(self):
        response = self.client.put("/news/no-such-article/")
        self.assertEqual(response.status_code, 404)
