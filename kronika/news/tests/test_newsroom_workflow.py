from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, feature_choices


class NewsroomWorkflowTests(KronikaTestCase):
    def article_form(self, slug, action, article=None):
        bylines = [{"author": self.alice.pk}]
        if article is not None:
            bylines = [
                {"id": link.pk, "author": link.author_id} for link in article.article_authors.all()
            ]
        return nested_form_data(
            {
                "title": "A reporter's story",
                "slug": slug,
                "standfirst": "What happened, in one sentence.",
                "body": streamfield([("paragraph", rich_text("<p>The facts.</p>"))]),
                "article_authors": inline_formset(bylines, initial=1 if article else 0),
                **feature_choices(article),
                f"action-{action}": "1",
            }
        )

    def add_article(self, user, slug, action):
        self.client.force_login(user)
        url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", self.news.pk))
        response = self.client.post(url, self.article_form(slug, action))
        self.assertIn(response.status_code, (200, 302))
        return ArticlePage.objects.filter(slug=slug).first()

    def test_the_newsroom_groups_and_review_workflow_exist(self):
        self.assertTrue(Group.objects.filter(name="Reporters").exists())
        self.assertTrue(Group.objects.filter(name="Editors").exists())
        workflow = Workflow.objects.get(name="Editorial review")
        root = Page.objects.get(depth=1)
        self.assertEqual(self.news.get_workflow(), workflow)
        self.assertEqual(root.get_workflow(), workflow)

    def test_a_reporter_cannot_publish(self):
        self.add_article(self.reporter, "tries-to-publish", "publish")
        self.assertFalse(ArticlePage.objects.filter(slug="tries-to-publish", live=True).exists())

    def test_a_reporter_cannot_publish_an_existing_draft(self):
        article = self.add_article(self.reporter, "draft-first", "draft")
        self.assertFalse(article.live)
        edit = reverse("wagtailadmin_pages:edit", args=(article.pk,))
        self.client.post(edit, self.article_form("draft-first", "publish", article))
        self.assertFalse(ArticlePage.objects.get(pk=article.pk).live)

    def test_a_reporter_submits_for_review_and_an_editor_publishes(self):
        article = self.add_article(self.reporter, "for-review", "submit")
        self.assertFalse(article.live)
        task_state = article.current_workflow_task_state
        self.assertIsNotNone(task_state, "the article should be waiting for review")
        self.assertEqual(task_state.task.name, "Editors' approval")

        # Reporters cannot approve their own work.
        approve = reverse(
            "wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk)
        )
        self.client.post(approve, {})
        self.assertFalse(ArticlePage.objects.get(pk=article.pk).live)

        self.client.force_login(self.editor)
        self.client.post(approve, {}, follow=True)
        article = ArticlePage.objects.get(pk=article.pk)
        self.assertTrue(article.live)
        self.client.logout()
        self.assertEqual(self.client.get(article.url).status_code, 200)
        self.assertContains(self.client.get("/news/"), "A reporter&#x27;s story")

    def test_an_editor_can_unpublish(self):
        article = self.add_article(self.editor, "editor-story", "publish")
        self.assertTrue(article.live)
        self.client.post(reverse("wagtailadmin_pages:unpublish", args=(article.pk,)))
        self.assertFalse(ArticlePage.objects.get(pk=article.pk).live)
