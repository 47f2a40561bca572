"""The article page's previous and next links come from the paper's order kept in
memory (kronika.news.neighbours); they must always be the ones the queries find."""

from unittest import mock

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from kronika.news import neighbours
from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, publish_article, without_page_cache


# The order is kept from the first render on, rather than the hundredth.
@mock.patch.object(neighbours, "BUILD_AFTER", 0)
class KeptNeighboursTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        same_moment = cls.days_ago(2)
        cls.order = [
            publish_article(cls.news, "One", when=cls.days_ago(4)),
            publish_article(cls.sport, "Two", when=cls.days_ago(3)),
            publish_article(cls.news, "Three", when=same_moment),
            publish_article(cls.news, "Four", when=same_moment),
            publish_article(cls.sport, "Five", when=cls.days_ago(1)),
        ]

    def links(self, article) -> tuple[str | None, str | None]:
        soup = BeautifulSoup(self.client.get(article.url).content, "html.parser")
        found = [soup.select_one(f"a[rel={rel}]") for rel in ("prev", "next")]
        return tuple(link["href"] if link else None for link in found)

    def queried(self, article) -> tuple[str | None, str | None]:
        fresh = ArticlePage.objects.get(pk=article.pk)
        found = (fresh.previous_article, fresh.next_article)
        return tuple(neighbour.url if neighbour else None for neighbour in found)

    def assert_pages_agree_with_the_queries(self, articles):
        for article in articles:
            self.assertEqual(self.links(article), self.queried(article), article.title)

    def test_every_page_links_the_neighbours_the_queries_find(self):
        self.assert_pages_agree_with_the_queries(self.order)
        one, two, three, four, five = self.order
        self.assertEqual(self.links(three), (two.url, four.url))
        self.assertEqual(self.links(one), (None, two.url))
        self.assertEqual(self.links(five), (four.url, None))

    def test_a_new_article_is_the_last_ones_next_at_once(self):
        self.links(self.order[-1])
        newest = publish_article(self.news, "Six")
        self.assertEqual(self.links(self.order[-1]), (self.order[-2].url, newest.url))
        self.assertEqual(self.links(newest), (self.order[-1].url, None))

    def test_an_unpublished_or_private_article_is_linked_past_at_once(self):
        one, two, three, four, five = self.order
        self.assert_pages_agree_with_the_queries(self.order)
        two.unpublish()
        self.assertEqual(self.links(one), (None, three.url))
        self.assertEqual(self.links(three), (one.url, four.url))
        PageViewRestriction.objects.create(
            page=four, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        self.assertEqual(self.links(three), (one.url, five.url))
        self.assert_pages_agree_with_the_queries([one, three, five])

    def test_the_order_is_read_once_and_the_neighbours_in_one_query(self):
        self.links(self.order[0])
        with CaptureQueriesContext(connection) as kept:
            self.links(self.order[2])
        shown = [query["sql"] for query in kept.captured_queries]
        by_key = [sql for sql in shown if '"news_articlepage"."page_ptr_id" IN (' in sql]
        self.assertEqual(len(by_key), 1, shown)
        in_order = [
            sql for sql in shown if 'ORDER BY "wagtailcore_page"."first_published_at"' in sql
        ]
        self.assertEqual(in_order, [])


@without_page_cache()
class OrderBuiltOnlyOnceItPaysTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.older = publish_article(cls.news, "Older", when=cls.days_ago(2))
        cls.newer = publish_article(cls.news, "Newer", when=cls.days_ago(1))

    def neighbour_reads(self, article) -> tuple[int, int]:
        """Reads of one neighbour by publication order, and of neighbours by key, in one render."""
        with CaptureQueriesContext(connection) as render:
            self.client.get(article.url)
        shown = [query["sql"] for query in render.captured_queries]
        ordered = 'ORDER BY "wagtailcore_page"."first_published_at"'
        return (
            sum(ordered in sql and sql.endswith("LIMIT 1") for sql in shown),
            sum('"news_articlepage"."page_ptr_id" IN (' in sql for sql in shown),
        )

    @mock.patch.object(neighbours, "BUILD_AFTER", 2)
    @mock.patch.object(neighbours, "_waiting", neighbours.Waiting())
    def test_renders_after_a_change_query_until_the_order_would_pay(self):
        publish_article(self.news, "Newest")
        self.assertEqual(self.neighbour_reads(self.older), (2, 0))
        self.assertEqual(self.neighbour_reads(self.newer), (2, 0))
        # The third render builds the order and reads the two neighbours by key.
        self.assertEqual(self.neighbour_reads(self.older), (0, 1))
        self.assertEqual(self.neighbour_reads(self.newer), (0, 1))
