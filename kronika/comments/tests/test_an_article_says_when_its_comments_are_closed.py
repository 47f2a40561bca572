"""Whether an article takes comments: its own policy first, then the site's rules."""

from datetime import timedelta

from django.utils import timezone

from kronika.comments.policy import ArticleCommentPolicy, CommentSettings, Policy, comments_open
from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, publish_article, site_settings


class CommentsClosedTests(KronikaTestCase):
    def closed_notice_shown(self, article):
        return "Comments are closed." in self.client.get(article.url).content.decode()

    def publish_with_policy(self, title, policy, **kwargs):
        policies = [ArticleCommentPolicy(policy=policy)]
        return publish_article(self.news, title, comment_policies=policies, **kwargs)

    def test_a_closed_article_says_comments_are_closed(self):
        self.assertTrue(
            self.closed_notice_shown(self.publish_with_policy("Closed", Policy.CLOSED))
        )

    def test_an_open_article_does_not_even_long_after_the_auto_close_period(self):
        article = self.publish_with_policy("Open", Policy.OPEN, when=self.days_ago(60))
        self.assertFalse(self.closed_notice_shown(article))

    def test_an_inheriting_article_closes_after_the_auto_close_period(self):
        fresh = publish_article(self.news, "Fresh", when=self.days_ago(13))
        old = publish_article(self.news, "Old", when=self.days_ago(15))
        self.assertFalse(self.closed_notice_shown(fresh))
        self.assertTrue(self.closed_notice_shown(old))

    def test_the_auto_close_period_comes_from_the_comment_settings(self):
        site = site_settings(CommentSettings, auto_close_days=2)
        article = ArticlePage.objects.get(pk=publish_article(self.news, "Three days").pk)
        now = timezone.now()
        self.assertTrue(comments_open(article, site, now=now + timedelta(days=1)))
        self.assertFalse(comments_open(article, site, now=now + timedelta(days=3)))

    def test_the_site_default_can_close_comments_everywhere(self):
        site_settings(CommentSettings, open_by_default=False)
        article = publish_article(self.news, "Inherits closed")
        self.assertTrue(self.closed_notice_shown(article))

    def test_a_draft_that_closes_comments_closes_them_only_when_published(self):
        article = publish_article(self.news, "Changing its mind")
        draft = article.get_latest_revision_as_object()
        draft.comment_policies = [ArticleCommentPolicy(policy=Policy.CLOSED)]
        revision = draft.save_revision()
        self.assertFalse(self.closed_notice_shown(article))
        revision.publish()
        self.assertTrue(self.closed_notice_shown(article))
