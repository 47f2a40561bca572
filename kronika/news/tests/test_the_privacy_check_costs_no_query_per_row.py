"""Lists leave private articles out with path prefixes kept in memory, not a subquery per row.

A correlated EXISTS over the privacy settings, run for every candidate row,
made search 20 to 60 times slower (issue 22). With no private page, lists
carry no privacy condition at all; with some, plain prefixes of their paths.
"""

from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from kronika.news import privacy
from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, publish_article, without_page_cache


@without_page_cache()
class PrivacyCheckCostTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.public = publish_article(cls.news, "Budget opens")
        cls.private = publish_article(cls.news, "Budget leak memo")

    def published_sql(self) -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            list(ArticlePage.objects.published())
        return [query["sql"] for query in captured.captured_queries]

    def test_with_no_private_page_a_list_is_one_query_with_no_privacy_condition(self):
        self.published_sql()
        queries = self.published_sql()
        self.assertEqual(len(queries), 1)
        self.assertNotIn("pageviewrestriction", queries[0].lower())
        self.assertNotIn(" LIKE ", queries[0])

    def test_with_private_pages_a_list_is_still_one_query_with_a_prefix_for_each(self):
        PageViewRestriction.objects.create(page=self.private, restriction_type="login")
        PageViewRestriction.objects.create(page=self.sport, restriction_type="login")
        self.published_sql()
        queries = self.published_sql()
        self.assertEqual(len(queries), 1)
        self.assertNotIn("pageviewrestriction", queries[0].lower())
        self.assertEqual(queries[0].count(" LIKE "), 2)
        self.assertEqual(list(ArticlePage.objects.published()), [self.public])

    def test_a_page_under_a_private_section_adds_no_prefix_of_its_own(self):
        PageViewRestriction.objects.create(page=self.news, restriction_type="login")
        PageViewRestriction.objects.create(page=self.private, restriction_type="login")
        self.assertEqual(privacy.restricted_paths(), (self.news.path,))

    def test_past_the_limit_of_prefixes_the_database_checks_each_row(self):
        PageViewRestriction.objects.create(page=self.private, restriction_type="login")
        with mock.patch.object(privacy, "MAX_PREFIXES", 0):
            queries = self.published_sql()
            self.assertIn("pageviewrestriction", queries[-1].lower())
            self.assertEqual(list(ArticlePage.objects.published()), [self.public])
