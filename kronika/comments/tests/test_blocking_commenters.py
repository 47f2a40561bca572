from kronika.comments.models import Block, Comment
from kronika.comments.policy import CommentSettings, Moderation
from kronika.testing import (
    PASSWORD,
    KronikaTestCase,
    post_comment,
    publish_article,
    reader_address,
    site_settings,
)


class BlockingCommenterTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Protest in the capital")
        site_settings(CommentSettings, moderation=Moderation.NONE)

    def assert_refused(self, response):
        self.assertEqual(response.status_code, 403)
        self.assertIn("no longer accepted", response.content.decode())

    def test_a_commenter_blocked_by_email_is_refused_from_any_client(self):
        Block.objects.create(kind=Block.Kind.EMAIL, value="Troll@Example.org ")
        self.assert_refused(post_comment(self.client, self.article, email="troll@example.ORG"))
        self.assertEqual(Comment.objects.count(), 0)

    def test_a_commenter_blocked_by_fingerprint_is_refused_under_any_name(self):
        post_comment(self.client, self.article, reader=7, name="Troll", body="Nasty.")
        Block.block_commenter_of(Comment.objects.get(), self.editor)
        Comment.objects.update(created_at=self.days_ago(1))
        response = post_comment(self.client, self.article, reader=7, name="Nice person")
        self.assert_refused(response)
        self.assertEqual(Comment.objects.count(), 1)
        self.assertEqual(post_comment(self.client, self.article, reader=8).status_code, 303)

    def test_editors_block_a_commenter_from_the_moderation_queue(self):
        post_comment(self.client, self.article, reader=9, email="troll@example.org", body="Nasty.")
        comment = Comment.objects.get()
        self.client.login(username="editor", password=PASSWORD)
        url = f"/admin/bulk/comments/comment/block/?id={comment.pk}&next=/admin/"
        self.assertContains(self.client.get(url), "Block whoever wrote these comments")
        self.assertEqual(self.client.post(url).status_code, 302)
        self.client.logout()

        comment.refresh_from_db()
        self.assertEqual(comment.status, Comment.Status.SPAM)
        blocks = set(Block.objects.values_list("kind", "value"))
        self.assertEqual(blocks, {("email", "troll@example.org"), ("client", comment.client)})
        self.assertEqual(Block.objects.get(kind="email").created_by, self.editor)
        Comment.objects.update(created_at=self.days_ago(1))
        self.assert_refused(post_comment(self.client, self.article, reader=9, body="Again."))

    def test_reporters_cannot_block_commenters(self):
        post_comment(self.client, self.article, body="Nasty.")
        comment = Comment.objects.get()
        self.client.login(username="reporter", password=PASSWORD)
        self.client.post(f"/admin/bulk/comments/comment/block/?id={comment.pk}&next=/admin/")
        self.assertFalse(Block.objects.exists())

    def test_the_fingerprint_of_a_blocked_client_does_not_reveal_its_address(self):
        post_comment(self.client, self.article, reader=3)
        Block.block_commenter_of(Comment.objects.get())
        self.assertNotIn(reader_address(3), str(list(Block.objects.values())))
