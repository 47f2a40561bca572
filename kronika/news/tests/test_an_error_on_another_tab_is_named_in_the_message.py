from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, article_form_data


class ErrorOnAnotherTabTests(KronikaTestCase):
    def publish(self, **fields):
        self.client.force_login(self.editor)
        data = article_form_data(self.alice, **{"slug": "", "action-publish": "1", **fields})
        url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", self.news.pk))
        return self.client.post(url, nested_form_data(data))

    def message(self, response):
        return " ".join(str(message) for message in response.context["messages"])

    def test_a_missing_slug_is_named_with_its_tab_and_linked(self):
        response = self.publish()
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ArticlePage.objects.exists())
        message = self.message(response)
        self.assertIn("On another tab:", message)
        self.assertIn('<a href="#id_slug" data-controller="w-focus"', message)
        self.assertIn("Promote → Slug</a>", message)

    def test_an_error_on_the_content_tab_alone_is_left_to_wagtails_highlighting(self):
        response = self.publish(title="", slug="bridge")
        message = self.message(response)
        self.assertIn("could not be created due to validation errors", message)
        self.assertNotIn("On another tab", message)
