from kronika.comments.models import Comment
from kronika.comments.policy import CommentSettings
from kronika.pagecache.tests.paper import CachedPaperTestCase
from kronika.testing import post_comment, rate, site_settings


class ReaderChangesTests(CachedPaperTestCase):
    def setUp(self):
        self.article, self.other, _ = self.news_articles
        self.elsewhere = ["/", "/news/", self.other.url, "/feeds/rss/", "/tags/parliament/"]

    def test_an_approved_comment_renders_only_its_article_afresh(self):
        site_settings(CommentSettings, moderation="none")
        self.warm(self.article.url, *self.elsewhere)
        post_comment(self.client, self.article, body="Published at once.")
        self.client.cookies.clear()
        self.assertFalse(self.is_cached(self.article.url))
        self.assertContains(self.client.get(self.article.url), "Published at once.")
        self.assertCached(*self.elsewhere)

    def test_a_held_comment_changes_nothing_until_a_moderator_approves_it(self):
        site_settings(CommentSettings, moderation="all")
        self.warm(self.article.url, *self.elsewhere)
        post_comment(self.client, self.article, body="Held for now.")
        self.client.cookies.clear()
        self.assertCached(self.article.url, *self.elsewhere)

        Comment.objects.get().moderate(Comment.Status.APPROVED)
        self.assertContains(self.client.get(self.article.url), "Held for now.")
        self.assertCached(*self.elsewhere)

    def test_a_comment_taken_down_leaves_the_page_at_once(self):
        site_settings(CommentSettings, moderation="none")
        post_comment(self.client, self.article, body="Soon gone.")
        self.client.cookies.clear()
        self.warm(self.article.url, *self.elsewhere)
        Comment.objects.get().moderate(Comment.Status.SPAM)
        self.assertNotContains(self.client.get(self.article.url), "Soon gone.")
        self.assertCached(*self.elsewhere)

    def test_a_vote_renders_only_its_article_afresh(self):
        self.warm(self.article.url, *self.elsewhere)
        rate(self.client, self.article, 5)
        self.client.cookies.clear()
        response = self.client.get(self.article.url)
        self.assertNotEqual(response.get("X-Kronika-Cache"), "hit")
        self.assertContains(response, "5.0 from 1 rating")
        self.assertCached(*self.elsewhere)
