from datetime import timedelta

from django.utils import timezone

from kronika.comments.models import Comment
from kronika.comments.policy import ArticleCommentPolicy, CommentSettings, Moderation, Policy
from kronika.news.models import ArticlePage
from kronika.testing import (
    KronikaTestCase,
    post_comment,
    publish_article,
    site_settings,
)


class ClosedArticleTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.closed = publish_article(
            cls.news,
            "An old story",
            comment_policies=[ArticleCommentPolicy(policy=Policy.CLOSED)],
        )
        Comment.objects.create(
            article=cls.closed,
            name="Early bird",
            body="Said before closing.",
            status=Comment.Status.APPROVED,
            client="x" * 64,
        )
        cls.recent = publish_article(cls.news, "A fresh story", when=cls.days_ago(13))
        cls.aged = publish_article(cls.news, "A fortnight-old story", when=cls.days_ago(15))
        site_settings(CommentSettings, moderation=Moderation.NONE)

    def assert_refused(self, article):
        before = Comment.objects.count()
        response = post_comment(self.client, article, body="Too late?")
        self.assertEqual(response.status_code, 403)
        self.assertIn("Comments are closed", response.content.decode())
        self.assertEqual(Comment.objects.count(), before)

    def test_it_refuses_comments_on_closed_articles(self):
        self.assert_refused(self.closed)

    def test_a_closed_article_keeps_showing_its_comments_and_says_it_is_closed(self):
        page = self.client.get(self.closed.url).content.decode()
        self.assertIn("Said before closing.", page)
        self.assertIn("Comments are closed.", page)
        self.assertNotIn('class="comment-form"', page)
        self.assertNotIn("Reply", page)

    def test_comments_close_automatically_after_the_configured_days(self):
        self.assertEqual(post_comment(self.client, self.recent).status_code, 303)
        self.assert_refused(self.aged)

    def test_the_number_of_days_is_a_setting(self):
        site_settings(CommentSettings, auto_close_days=30)
        self.assertEqual(post_comment(self.client, self.aged).status_code, 303)
        site_settings(CommentSettings, auto_close_days=10)
        self.assert_refused(self.recent)

    def test_an_open_policy_overrides_the_automatic_closing(self):
        ArticleCommentPolicy.objects.create(article=self.aged, policy=Policy.OPEN)
        self.assertEqual(post_comment(self.client, self.aged).status_code, 303)

    def test_an_article_closes_while_a_reader_is_writing(self):
        ArticlePage.objects.filter(pk=self.recent.pk).update(
            first_published_at=timezone.now() - timedelta(days=14, seconds=1)
        )
        self.assert_refused(self.recent)
