"""A reader who follows a broken link gets a search for it and the paper's latest headlines.

The page is asked for by every robot probing for old addresses, so once its
parts are kept in memory it costs no query, and it never sets a cookie.
"""

from unittest import mock

from bs4 import BeautifulSoup
from django.db import OperationalError, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from kronika.base import views
from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, draft_article, publish_article


class NotFoundPageTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.articles = [
            publish_article(cls.news, f"Story number {n}", when=cls.days_ago(10 - n))
            for n in range(8)
        ]
        draft_article(cls.news, "Not yet published")

    def not_found(self, url="/news/harbour-reopens-at-last/"):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 404)
        return response, BeautifulSoup(response.content, "html.parser")

    def test_it_offers_a_search_for_the_words_of_the_address(self):
        _, soup = self.not_found()
        form = soup.select_one("main form[role=search]")
        self.assertEqual(form["action"], "/search/")
        self.assertEqual(form["method"], "get")
        self.assertEqual(form.select_one("input[name=q]")["value"], "harbour reopens at last")
        self.assertIsNotNone(soup.select_one(f"label[for={form.select_one('input')['id']}]"))

    def test_it_lists_the_six_latest_published_headlines_newest_first(self):
        _, soup = self.not_found()
        links = soup.select(".error-headlines a")
        newest = sorted(self.articles, key=lambda a: a.first_published_at, reverse=True)[:6]
        self.assertEqual([a["href"] for a in links], [article.url for article in newest])
        self.assertEqual([a.get_text() for a in links], [article.title for article in newest])
        self.assertNotIn("Not yet published", soup.get_text())

    def test_it_stays_a_404_that_robots_do_not_index_and_sets_no_cookie(self):
        response, soup = self.not_found()
        self.assertFalse(response.cookies)
        self.assertNotIn("Set-Cookie", response.headers)
        self.assertEqual(soup.select_one('meta[name="robots"]')["content"], "noindex")

    def test_drawing_a_404_costs_no_query_once_its_parts_are_kept(self):
        # Finding that nothing lives at an address costs Wagtail's routing and
        # redirect look-ups; drawing the page that says so must add none.
        drawn = []

        def counted(*args, **kwargs):
            with CaptureQueriesContext(connection) as queries:
                html = real(*args, **kwargs)
            drawn.append([query["sql"] for query in queries])
            return html

        self.not_found()
        real = views.render_to_string
        with mock.patch.object(views, "render_to_string", counted):
            self.not_found("/another/missing/page/")
        self.assertEqual(drawn, [[]])

    def test_a_new_article_shows_at_once(self):
        self.not_found()
        publish_article(self.sport, "Derby drawn late")
        _, soup = self.not_found()
        self.assertEqual(soup.select_one(".error-headlines a").get_text(), "Derby drawn late")

    @override_settings(KRONIKA_MAX_QUERY_STRING=2048)
    def test_other_errors_show_neither_search_nor_headlines(self):
        response = self.client.get("/news/?q=" + "x" * 5000)
        self.assertEqual(response.status_code, 414)
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertIsNone(soup.select_one(".error-headlines"))
        self.assertIsNone(soup.select_one("main form[role=search]"))

    def test_when_the_headlines_cannot_be_read_it_is_still_a_404_in_plain_html(self):
        with mock.patch.object(
            ArticlePage.objects, "published", side_effect=OperationalError("database is down")
        ):
            _, soup = self.not_found()
        self.assertIn("Page not found", soup.get_text())
        self.assertIsNone(soup.select_one(".site-header"))
