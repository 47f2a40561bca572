from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, article_form_data


class WritersBylineTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.alice.user = cls.reporter
        cls.alice.save()

    def add_url(self):
        return reverse("wagtailadmin_pages:add", args=("news", "articlepage", self.news.pk))

    def byline_form(self, user):
        self.client.force_login(user)
        formset = self.client.get(self.add_url()).context["form"].formsets["article_authors"]
        return formset.forms[0]

    def test_a_writer_with_an_author_profile_starts_with_their_byline(self):
        self.assertEqual(self.byline_form(self.reporter)["author"].value(), self.alice.pk)

    def test_a_writer_without_one_starts_with_an_empty_byline(self):
        self.assertIsNone(self.byline_form(self.editor)["author"].value())

    def test_the_byline_left_as_shown_is_saved(self):
        self.client.force_login(self.reporter)
        # The byline comes back as the browser sends the one the page started with.
        data = article_form_data(
            self.alice, slug="ferry-timetable-changes", **{"action-submit": "1"}
        )
        self.client.post(self.add_url(), nested_form_data(data))
        article = ArticlePage.objects.get(
            locale__language_code="en", slug="ferry-timetable-changes"
        )
        self.assertEqual(article.authors, [self.alice])
