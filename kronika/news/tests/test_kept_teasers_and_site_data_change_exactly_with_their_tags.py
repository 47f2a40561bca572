from django.db import connection
from django.test.utils import CaptureQueriesContext

from kronika.pagecache import tags as cache_tags
from kronika.pagecache.fragments import fragments
from kronika.pagecache.store import invalidate
from kronika.testing import KronikaTestCase, paper_settings, publish_article, without_page_cache


@without_page_cache()
class KeptPartsTests(KronikaTestCase):
    """With the page cache off, pages still reuse the parts kept in memory, never stale ones."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.first = publish_article(cls.news, "Budget passes", when=cls.days_ago(3))
        cls.second = publish_article(cls.news, "Harbour reopens", when=cls.days_ago(2))
        cls.sport_story = publish_article(cls.sport, "Derby drawn", when=cls.days_ago(1))

    def warm(self, *urls):
        for url in urls:
            self.client.get(url)

    def queries(self, url) -> int:
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(captured)

    def republish(self, article, **changes):
        revision = article.save_revision()
        page = revision.as_object()
        for field, value in changes.items():
            setattr(page, field, value)
        page.save_revision().publish()

    def test_a_new_headline_shows_on_the_home_and_section_pages_at_once(self):
        self.warm("/", "/news/", self.second.url)
        self.republish(self.first, title="Budget passes at last")
        for url in ("/", "/news/", self.second.url):
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), "Budget passes at last")

    def test_a_new_article_shows_at_once_in_its_section_and_on_the_front_page(self):
        self.warm("/", "/news/", self.first.url)
        publish_article(self.news, "Bridge closes")
        for url in ("/", "/news/", self.first.url):
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), "Bridge closes")

    def test_new_paper_settings_show_at_once(self):
        self.warm("/", self.first.url)
        paper_settings(name="The Evening Kronika", tagline="Late news")
        for url in ("/", self.first.url):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "The Evening Kronika")
                self.assertContains(response, "Late news")

    def test_a_new_section_in_the_menu_shows_at_once(self):
        self.warm("/", self.first.url)
        self.add_section("Culture")
        for url in ("/", self.first.url):
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), 'href="/culture/"')

    def test_a_section_renamed_shows_on_its_articles_at_once(self):
        self.warm(self.first.url)
        self.republish(self.news, title="Politics")
        self.assertContains(self.client.get(self.first.url), "More in Politics")

    def test_an_unrelated_change_builds_nothing_again(self):
        self.warm("/", "/news/", self.first.url, self.second.url)
        kept = len(fragments)
        warm = {url: self.queries(url) for url in ("/", "/news/", self.second.url)}
        # What a reader's vote or comment on it bumps (a real vote: kronika/ratings/tests/
        # test_a_vote_rebuilds_no_kept_part.py).
        invalidate(cache_tags.page(self.first.pk))
        self.assertEqual(len(fragments), kept)
        for url, count in warm.items():
            with self.subTest(url=url):
                self.assertEqual(self.queries(url), count)

    def test_the_front_page_and_a_section_cost_fewer_queries_once_warm(self):
        for url in ("/", "/news/"):
            with self.subTest(url=url):
                cold = self.queries(url)
                self.assertLess(self.queries(url), cold)
