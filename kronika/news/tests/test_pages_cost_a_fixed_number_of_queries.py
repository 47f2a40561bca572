from unittest import mock

from django.apps import apps
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from kronika.news import neighbours
from kronika.news.models import ArticlePage
from kronika.pagecache import tags as cache_tags
from kronika.pagecache.fragments import fragments
from kronika.testing import (
    KronikaTestCase,
    body,
    make_image,
    publish_article,
    without_page_cache,
)


# Pages as a process serves them once it keeps the paper's order (kronika.news.neighbours).
@mock.patch.object(neighbours, "BUILD_AFTER", 0)
@without_page_cache()
class QueryCountTests(KronikaTestCase):
    """Each reader page costs the same queries however many articles it shows."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.picture = make_image()
        cls.article = cls.add_articles(range(12))[7]

    @classmethod
    def add_articles(cls, numbers):
        return [
            publish_article(
                cls.news if n % 3 else cls.sport,
                f"Story number {n}",
                when=cls.days_ago(30 - n),
                tags=["politics", f"tag{n}"],
                authors=[cls.alice, cls.bob],
                hero_image=cls.picture,
                body=body("Politics and parliament again.", quote="A quote."),
            )
            for n in numbers
        ]

    def assertQueries(self, url: str, expected: int):
        """The same count before and after the paper doubles.

        What the features add to the article page is counted in their own tests
        (comments: test_the_article_page_costs_the_same_however_many_comments.py).
        """
        self.assertEqual(self.queries_for(url), expected)
        self.add_articles(range(12, 24))
        self.assertEqual(self.queries_for(url), expected)

    def queries_for(self, url: str) -> int:
        self.client.get(url)  # renditions and settings are made on first sight
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_an_article_page(self):
        # Five of news's own (the article, its neighbours read by key from the
        # paper's order kept in memory, related, authors, tags), and the
        # article's comment policy where comments are installed
        # (kronika.comments.policy).
        self.assertQueries(self.article.url, 5 + apps.is_installed("kronika.comments"))

    def test_the_home_page(self):
        self.assertQueries("/", 0)

    # A list's teasers show their bylines: one query fetches them all. The
    # section itself is found among the sections kept in memory.
    def test_a_section_page(self):
        self.assertQueries("/news/", 3)

    @override_settings(KRONIKA_PAGE_SIZE=2)
    def test_a_deep_section_page_costs_what_its_first_page_does(self):
        # The section keeps its articles' positions: the last page is a look-up
        # by key, not an OFFSET past every newer article, nor a count.
        self.assertQueries("/news/?page=4", 3)

    def test_a_section_page_building_its_teasers_afresh(self):
        # The list fetches only the renditions its teasers draw: were a size
        # missing from those, Wagtail would look it up, one query per teaser.
        self.queries_for("/news/")
        fragments.forget(
            {cache_tags.card(pk) for pk in ArticlePage.objects.values_list("pk", flat=True)}
        )
        with CaptureQueriesContext(connection) as queries:
            self.assertContains(self.client.get("/news/"), "teaser-image")
        self.assertEqual(len(queries), 3)

    # Tags and authors keep their articles' positions too: the tag or author,
    # then the page's rows, renditions and bylines, however deep the page.
    def test_a_tag_page(self):
        self.assertQueries("/tags/politics/", 4)

    @override_settings(KRONIKA_PAGE_SIZE=2)
    def test_a_deep_tag_page_costs_what_its_first_page_does(self):
        self.assertQueries("/tags/politics/?page=6", 4)

    def test_an_authors_page(self):
        self.assertQueries("/authors/alice/", 4)

    @override_settings(KRONIKA_PAGE_SIZE=2)
    def test_a_deep_authors_page_costs_what_its_first_page_does(self):
        self.assertQueries("/authors/alice/?page=6", 4)
