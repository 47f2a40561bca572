from kronika.testing import KronikaTestCase, draft_article


class DraftPreviewTests(KronikaTestCase):
    """A draft has no publication time until it is published, and its preview needs none."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.draft = draft_article(cls.news, "Embargoed budget story", tags=["budget"])

    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_editor_sees_the_draft_as_readers_will(self):
        revision = self.draft.latest_revision
        for url in (
            f"/admin/pages/{self.draft.pk}/view_draft/",
            f"/admin/pages/{self.draft.pk}/revisions/{revision.pk}/view/",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "Embargoed budget story")
                self.assertContains(response, "The body of Embargoed budget story.")
                self.assertNotContains(response, "article:published_time")
                self.assertNotContains(response, "datePublished")
