from kronika.testing import KronikaTestCase, draft_article, publish_article


class MoveConfirmationTests(KronikaTestCase):
    """Reporters may not move published articles, which would publish them elsewhere."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.sport, "Derby report")
        cls.article.title = "Derby report, unpublished rewrite"
        cls.article.save_revision()
        cls.draft = draft_article(cls.sport, "Derby preview")

    def confirm(self, page):
        return f"/admin/pages/{page.pk}/move/{self.news.pk}/confirm/"

    def test_a_reporter_is_refused_before_the_confirmation_shows_the_page(self):
        self.client.force_login(self.reporter)
        for method in (self.client.get, self.client.post):
            with self.subTest(method=method.__name__):
                response = method(self.confirm(self.article))
                self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
                self.assertNotContains(response, "unpublished rewrite", status_code=302)
        self.assertEqual(self.article.get_parent().pk, self.sport.pk)

    def test_whoever_may_move_it_is_asked_to_confirm(self):
        self.client.force_login(self.reporter)
        self.assertContains(self.client.get(self.confirm(self.draft)), "Derby preview")
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(self.confirm(self.article)), "unpublished rewrite")
