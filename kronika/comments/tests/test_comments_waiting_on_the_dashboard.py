from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kronika.comments.models import Comment
from kronika.news.dashboard import LIMIT
from kronika.testing import KronikaTestCase, dashboard_panels, publish_article


def comment(article, body, status=Comment.Status.PENDING):
    return Comment.objects.create(
        article=article, name="A reader", body=body, status=status, client="fingerprint"
    )


class CommentsWaitingTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Council votes on the bridge")
        cls.first = comment(cls.article, "Who pays for it?")
        cls.second = comment(cls.article, "About time.")
        comment(cls.article, "Already approved.", status=Comment.Status.APPROVED)

    def panel_of(self, user):
        self.client.force_login(user)
        return dashboard_panels(self.client).get("comments_waiting")

    def test_an_editor_sees_the_count_and_the_oldest_first(self):
        panel = self.panel_of(self.editor)
        self.assertEqual(panel["heading"], "Comments waiting (2)")
        self.assertNotIn("Already approved", panel["text"])
        self.assertIn("On Council votes on the bridge", panel["text"])
        titles = list(panel["links"])
        self.assertEqual(titles[:2], ["A reader: Who pays for it?", "A reader: About time."])
        self.assertEqual(
            panel["links"]["Open the moderation queue"],
            reverse("wagtailsnippets_comments_comment:list") + "?status=pending",
        )

    def test_it_comes_after_the_newsrooms_own_panels(self):
        self.client.force_login(self.editor)
        names = list(dashboard_panels(self.client))
        self.assertEqual(names.index("comments_waiting"), names.index("published_today") + 1)

    def test_each_link_opens_for_the_editor(self):
        for url in self.panel_of(self.editor)["links"].values():
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_reporter_who_may_not_moderate_has_no_such_panel(self):
        self.assertIsNone(self.panel_of(self.reporter))

    def test_an_empty_queue_says_so(self):
        Comment.objects.pending().update(status=Comment.Status.APPROVED)
        panel = self.panel_of(self.editor)
        self.assertEqual(panel["heading"], "Comments waiting")
        self.assertIn("No comments waiting.", panel["text"])

    def test_a_long_queue_costs_no_more_queries(self):
        self.panel_of(self.editor)
        for number in range(LIMIT):
            comment(self.article, f"Comment {number}")
        with CaptureQueriesContext(connection) as few:
            dashboard_panels(self.client)
        for number in range(LIMIT, 3 * LIMIT):
            comment(self.article, f"Comment {number}")
        with CaptureQueriesContext(connection) as many:
            panel = dashboard_panels(self.client)["comments_waiting"]
        self.assertEqual(panel["heading"], f"Comments waiting ({3 * LIMIT + 2})")
        self.assertEqual(len(many), len(few))
