from django.test import override_settings

from kronika.comments.policy import CommentSettings
from kronika.pagecache.tests.paper import HIT, CachedPaperTestCase
from kronika.testing import PASSWORD, post_comment, rate, site_settings


class PersonalPagesTests(CachedPaperTestCase):
    def test_a_reader_with_a_pending_comment_sees_it_while_others_get_the_cached_page(self):
        article = self.news_articles[0]
        site_settings(CommentSettings, moderation="all")
        self.warm(article.url)
        post_comment(self.client, article, body="Waiting for a moderator.")
        own = self.client.get(article.url)
        self.assertNotEqual(own.get("X-Kronika-Cache"), HIT)
        self.assertContains(own, "Waiting for a moderator.")
        self.assertIn("no-store", own["Cache-Control"])

        self.client.cookies.clear()
        other = self.client.get(article.url)
        self.assertEqual(other.get("X-Kronika-Cache"), HIT)
        self.assertNotContains(other, "Waiting for a moderator.")

    def test_a_readers_vote_is_theirs_and_the_page_stays_shared(self):
        article = self.news_articles[0]
        rate(self.client, article, 4)
        own = self.client.get(article.url)
        self.assertNotEqual(own.get("X-Kronika-Cache"), HIT)
        self.client.cookies.clear()
        self.warm(article.url)

    def test_logged_in_staff_never_get_or_fill_the_cache(self):
        article = self.news_articles[0]
        self.warm(article.url)
        self.client.login(username="editor", password=PASSWORD)
        response = self.client.get(article.url)
        self.assertNotEqual(response.get("X-Kronika-Cache"), HIT)
        self.assertIn("no-store", response["Cache-Control"])
        self.client.logout()
        self.client.cookies.clear()
        self.assertCached(article.url)

    def test_other_queries_search_and_errors_are_always_rendered(self):
        for url in (
            "/news/?utm_source=telegram",
            "/news/?page=1&x=1",
            "/search/?q=parliament",
            "/no-such-page/",
            "/news/?page=99",
        ):
            with self.subTest(url=url):
                self.client.get(url)
                self.assertFalse(self.is_cached(url))

    def test_posts_are_never_answered_from_the_cache(self):
        article = self.news_articles[0]
        self.warm(article.url)
        response = self.client.post(article.url, {})
        self.assertNotEqual(response.get("X-Kronika-Cache"), HIT)

    @override_settings(KRONIKA_PAGE_CACHE=False)
    def test_the_cache_can_be_switched_off(self):
        url = self.news_articles[0].url
        self.client.get(url)
        self.assertFalse(self.is_cached(url))
