from django.urls import reverse

from kronika.testing import KronikaTestCase, draft_article


class FirstActionOfferedTests(KronikaTestCase):
    """The footer's main button is the user's next step: Publish, or Submit for review."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.draft = draft_article(cls.news, "A draft in the news")

    def default_action(self, user, url):
        self.client.force_login(user)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        menu = response.context["action_menu"]
        return menu.default_item.name, [item.name for item in menu.menu_items]

    def add_url(self):
        return reverse("wagtailadmin_pages:add", args=("news", "articlepage", self.news.pk))

    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=(self.draft.pk,))

    def test_an_editor_is_offered_publish_first_on_a_new_article_and_a_draft(self):
        for url in (self.add_url(), self.edit_url()):
            default, others = self.default_action(self.editor, url)
            self.assertEqual(default, "action-publish")
            self.assertIn("action-save-draft", others)

    def test_a_reporter_is_offered_submit_for_review_first(self):
        for url in (self.add_url(), self.edit_url()):
            default, others = self.default_action(self.reporter, url)
            self.assertEqual(default, "action-submit")
            self.assertIn("action-save-draft", others)
            self.assertNotIn("action-publish", others)

    def test_the_button_says_where_the_article_goes(self):
        self.client.force_login(self.reporter)
        page = self.client.get(self.add_url()).content.decode()
        self.assertIn("Submit to Editorial review", page)
