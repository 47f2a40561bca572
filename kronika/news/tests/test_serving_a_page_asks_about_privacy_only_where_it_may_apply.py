"""Serving a page asks the database about privacy settings only when one may cover it.

Wagtail checks every page it serves with a query over its ancestors' privacy
settings. The restricted paths kept in memory (kronika.news.privacy) already
say whether any can apply: with none over the page, no query is made, and a
page under one is still refused to a reader who is not let in.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from kronika.testing import KronikaTestCase, publish_article, without_page_cache


def restriction_queries(captured) -> list[str]:
    return [
        q["sql"] for q in captured.captured_queries if "pageviewrestriction" in q["sql"].lower()
    ]


@without_page_cache()
class PrivacyCheckOnServeTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Harbour reopens")
        cls.match = publish_article(cls.sport, "Cup final tonight")

    def serve(self, page):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(page.url)
        return response, restriction_queries(captured)

    def test_with_nothing_private_serving_an_article_asks_nothing_about_privacy(self):
        self.serve(self.article)  # restricted paths are read once per change
        response, asked = self.serve(self.article)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(asked, [])

    def test_a_page_outside_every_private_tree_is_served_without_asking(self):
        PageViewRestriction.objects.create(page=self.sport, restriction_type="login")
        self.serve(self.article)
        response, asked = self.serve(self.article)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(asked, [])

    def test_an_article_in_a_private_section_is_still_refused_to_an_anonymous_reader(self):
        PageViewRestriction.objects.create(page=self.sport, restriction_type="login")
        response, asked = self.serve(self.match)
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])
        self.assertNotEqual(asked, [])

    def test_a_private_article_is_refused_and_its_neighbours_are_not(self):
        PageViewRestriction.objects.create(page=self.article, restriction_type="login")
        self.assertEqual(self.serve(self.article)[0].status_code, 302)
        self.assertEqual(self.serve(self.match)[0].status_code, 200)
