from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings
from kronika.news.models import ArticlePage
from kronika.testing import (
    KronikaTestCase,
    post_comment,
    publish_article,
    site_settings,
)


class CommentCountTests(KronikaTestCase):
    """The article keeps its count of approved comments, which its page shows without counting."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Storm warning issued")

    def count(self) -> int:
        return ArticlePage.objects.get(pk=self.article.pk).comment_count

    def comment(self, status=Comment.Status.APPROVED, **fields) -> Comment:
        fields.setdefault("body", "Well said.")
        fields.setdefault("name", "A reader")
        return Comment.objects.create(article=self.article, status=status, **fields)

    def test_only_approved_comments_count(self):
        self.comment()
        self.comment(status=Comment.Status.PENDING)
        self.comment(status=Comment.Status.SPAM)
        self.assertEqual(self.count(), 1)

    def test_approving_counts_and_marking_as_spam_uncounts(self):
        held = self.comment(status=Comment.Status.PENDING)
        held.moderate(Comment.Status.APPROVED)
        self.assertEqual(self.count(), 1)
        held.moderate(Comment.Status.SPAM)
        self.assertEqual(self.count(), 0)

    def test_removing_a_comment_removes_its_replies_from_the_count(self):
        parent = self.comment()
        self.comment(parent=parent)
        self.comment()
        self.assertEqual(self.count(), 3)
        parent.delete()
        self.assertEqual(self.count(), 1)

    def test_a_comment_posted_by_a_reader_counts_once_it_shows(self):
        site_settings(CommentSettings, moderation="none")
        post_comment(self.client, self.article, body="Published at once.")
        self.assertEqual(self.count(), 1)
        self.client.cookies.clear()
        self.assertContains(self.client.get(self.article.url), "1 comment")

    def test_republishing_the_article_keeps_the_count(self):
        revision = self.article.save_revision()
        self.comment()
        revision.publish()
        self.assertEqual(self.count(), 1)

    def test_the_page_shows_the_comments_the_count_announces(self):
        self.comment(body="First!")
        self.assertContains(self.client.get(self.article.url), "First!")
        Comment.objects.get().moderate(Comment.Status.SPAM)
        self.assertNotContains(self.client.get(self.article.url), "First!")
