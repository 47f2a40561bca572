from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from kronika.news.models import ArticlePage
from kronika.pagecache.tests.paper import CachedPaperTestCase


class AnArticleMadePrivateLeavesTheCacheTests(CachedPaperTestCase):
    def setUp(self):
        self.article = ArticlePage.objects.get(pk=self.news_articles[1].pk)
        self.lists = ["/", "/news/", "/tags/parliament/", "/authors/alice/", "/feeds/rss/"]
        self.warm(self.article.url, *self.lists)

    def make_private(self, **restriction):
        PageViewRestriction.objects.create(page=self.article, **restriction)

    def test_an_article_for_signed_in_readers_only_is_no_longer_served_from_the_cache(self):
        self.make_private(restriction_type=PageViewRestriction.LOGIN)
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/_util/login/", response["Location"])
        for url in self.lists:
            with self.subTest(url=url):
                self.assertNotContains(self.client.get(url), "Parliament vote 2")

    def test_an_article_for_one_group_leaves_every_list(self):
        restriction = PageViewRestriction.objects.create(
            page=self.article, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get(name="Editors")])
        self.assertEqual(self.client.get(self.article.url).status_code, 302)
        for url in self.lists:
            with self.subTest(url=url):
                self.assertNotContains(self.client.get(url), "Parliament vote 2")

    def test_making_it_public_again_puts_it_back_on_its_lists(self):
        self.make_private(restriction_type=PageViewRestriction.PASSWORD, password="letmein")
        self.assertNotContains(self.client.get("/news/"), "Parliament vote 2")
        PageViewRestriction.objects.filter(page=self.article).delete()
        self.assertContains(self.client.get("/news/"), "Parliament vote 2")
        self.assertEqual(self.client.get(self.article.url).status_code, 200)
