from django.http import HttpResponseBadRequest
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils.log import log_response
from wagtail.test.utils.form_data import nested_form_data

from kronika.testing import KronikaTestCase, article_form_data, draft_article


class InvalidAutosaveLogTests(KronikaTestCase):
    """Wagtail's autosave gets 400 while a required field is empty: that is typing, not a fault."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.draft = draft_article(cls.news, "Half written")

    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=(self.draft.pk,))

    def test_an_autosave_of_an_invalid_form_logs_no_warning(self):
        self.client.force_login(self.editor)
        data = nested_form_data(article_form_data(self.alice, title="", slug="half-written"))
        with self.assertNoLogs("django.request", "WARNING"):
            # What Wagtail's autosave sends: the form, asking for JSON.
            response = self.client.post(self.edit_url(), data, HTTP_ACCEPT="application/json")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error_code"], "validation_error")

    def bad_request_logged(self, url, accept):
        request = RequestFactory().post(url, HTTP_ACCEPT=accept)
        request.resolver_match = resolve(request.path_info)
        with self.assertLogs("django.request", "WARNING") as logs:
            log_response(
                "Bad Request: %s", url, response=HttpResponseBadRequest(), request=request
            )
        return logs.output

    def test_other_bad_requests_still_log_a_warning(self):
        # The editor's own Save, asking for HTML.
        self.assertTrue(self.bad_request_logged(self.edit_url(), "text/html,*/*;q=0.8"))
        # JSON asked of a view that is not the page editor.
        self.assertTrue(self.bad_request_logged(reverse("wagtailadmin_home"), "application/json"))
        # A reader's request.
        self.assertTrue(self.bad_request_logged(self.news.url, "text/html"))
