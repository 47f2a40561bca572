from bs4 import BeautifulSoup

from kronika.comments.models import Comment
from kronika.testing import PASSWORD, KronikaTestCase, post_comment, publish_article


class ModerationQueueTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Schools reopen")

    def setUp(self):
        for reader in range(3):
            post_comment(self.client, self.article, reader=reader, body=f"Held comment {reader}")
        self.held = list(Comment.objects.order_by("pk"))
        self.client.login(username="editor", password=PASSWORD)

    def bulk(self, action, comments):
        ids = "&".join(f"id={comment.pk}" for comment in comments)
        return self.client.post(f"/admin/bulk/comments/comment/{action}/?{ids}&next=/admin/")

    def statuses(self):
        return list(Comment.objects.order_by("pk").values_list("status", flat=True))

    def test_the_admin_menu_counts_pending_comments(self):
        page = self.client.get("/admin/").content.decode()
        # The sidebar's labels travel as JSON, with the middle dot escaped.
        self.assertIn("Comments \\u00b7 3", page)

    def test_the_queue_lists_pending_comments_with_why_they_were_held(self):
        response = self.client.get("/admin/snippets/comments/comment/?status=pending")
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(len(soup.select("table.listing tbody tr")), 3)
        self.assertIn("A first comment from a new commenter.", response.content.decode())

    def test_editors_approve_one_comment(self):
        self.assertEqual(self.bulk("approve", self.held[:1]).status_code, 302)
        self.assertEqual(self.statuses(), ["approved", "pending", "pending"])
        approved = Comment.objects.get(pk=self.held[0].pk)
        self.assertEqual(approved.moderated_by, self.editor)
        self.client.logout()
        self.assertContains(self.client.get(self.article.url), "Held comment 0")

    def test_editors_approve_and_reject_in_bulk(self):
        self.bulk("approve", self.held[:2])
        self.bulk("spam", self.held[1:])
        self.assertEqual(self.statuses(), ["approved", "spam", "spam"])

    def test_editors_delete_in_bulk(self):
        self.client.post(
            f"/admin/bulk/comments/comment/delete/?id={self.held[0].pk}&id={self.held[1].pk}"
        )
        self.assertEqual(Comment.objects.count(), 1)

    def test_each_row_offers_approve_spam_and_block(self):
        response = self.client.get("/admin/snippets/comments/comment/")
        page = response.content.decode()
        for action in ("approve", "spam", "block"):
            self.assertIn(f"/admin/bulk/comments/comment/{action}/?id={self.held[0].pk}", page)

    def test_nobody_adds_comments_in_the_admin(self):
        self.client.logout()
        self.client.force_login(self.make_superuser())
        self.assertEqual(self.client.get("/admin/snippets/comments/comment/add/").status_code, 302)

    def test_reporters_can_read_the_queue_but_not_moderate(self):
        self.client.login(username="reporter", password=PASSWORD)
        self.assertEqual(self.client.get("/admin/snippets/comments/comment/").status_code, 200)
        self.bulk("approve", self.held)
        self.bulk("spam", self.held)
        self.assertEqual(self.statuses(), ["pending"] * 3)

    def test_readers_have_no_access(self):
        self.client.login(username="reader", password=PASSWORD)
        response = self.client.get("/admin/snippets/comments/comment/")
        self.assertEqual(response.status_code, 302)

    def make_superuser(self):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
