"""An article under a privacy setting is served only to those it lets in, by Wagtail.

Lists, feeds, sitemaps, search and neighbours' links are the same for every
reader (and cached for them), so a private article appears in none of them.
(That it takes no comments or ratings from readers who cannot open it is
checked by those features: test_a_private_article_takes_no_comments.py and
test_a_private_article_takes_no_ratings.py.)
"""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from kronika.news.models import ArticlePage
from kronika.testing import (
    KronikaTestCase,
    publish_article,
    without_page_cache,
)

PUBLIC_PAGES = [
    "/",
    "/news/",
    "/tags/budget/",
    "/authors/alice/",
    "/search/?q=budget",
    "/feeds/rss/",
    "/feeds/atom/",
    "/feeds/feed.json",
    "/feeds/sections/news/rss/",
    "/feeds/tags/budget/rss/",
    "/feeds/authors/alice/rss/",
    "/sitemap-articles.xml",
    "/sitemap-news.xml",
]


@without_page_cache()
class PrivateArticlesTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        article = {"tags": ["budget"], "authors": [cls.alice]}
        cls.older = publish_article(cls.news, "Budget opens", when=cls.days_ago(0.3), **article)
        cls.private = publish_article(
            cls.news, "Budget leak memo", when=cls.days_ago(0.2), **article
        )
        cls.newer = publish_article(cls.news, "Budget closes", when=cls.days_ago(0.1), **article)
        restriction = PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get(name="Editors")])

        cls.desk = cls.add_section("Investigations", parent=cls.news)
        cls.inside = publish_article(
            cls.desk, "Budget source files", when=cls.days_ago(1), **article
        )
        PageViewRestriction.objects.create(
            page=cls.desk, restriction_type=PageViewRestriction.LOGIN
        )

    def test_no_public_page_lists_a_private_article_or_one_in_a_private_section(self):
        for url in PUBLIC_PAGES:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "/budget-opens/")
                self.assertNotContains(response, "/budget-leak-memo/")
                self.assertNotContains(response, "/budget-source-files/")

    def test_its_neighbours_link_past_it(self):
        self.assertEqual(ArticlePage.objects.get(pk=self.older.pk).next_article, self.newer)
        self.assertEqual(ArticlePage.objects.get(pk=self.newer.pk).previous_article, self.older)
        self.assertNotContains(self.client.get(self.older.url), "Budget leak memo")

    def test_wagtail_still_lets_in_those_its_privacy_setting_names(self):
        self.assertEqual(self.client.get(self.private.url).status_code, 302)
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(self.private.url), "Budget leak memo")
