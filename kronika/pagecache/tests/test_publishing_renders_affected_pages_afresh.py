from datetime import timedelta

from django.test import RequestFactory
from django.utils import timezone

from kronika.news import tasks
from kronika.news.models import ArticlePage
from kronika.news.tests.test_scheduled_publishing import let_go_live_time_pass, schedule
from kronika.pagecache.store import page_cache
from kronika.pagecache.tests.paper import CachedPaperTestCase
from kronika.testing import build_article, draft_article, paper_settings

SPORT_PAGES = ["/sport/", "/tags/football/", "/authors/bob/", "/feeds/sections/sport/rss/"]


class PublishingInvalidationTests(CachedPaperTestCase):
    def setUp(self):
        self.n1, self.n2, self.n3 = (ArticlePage.objects.get(pk=a.pk) for a in self.news_articles)
        self.sport_urls = [*SPORT_PAGES, *(a.url for a in self.sport_articles)]
        self.news_urls = [
            "/",
            "/news/",
            "/tags/parliament/",
            "/authors/alice/",
            "/feeds/rss/",
            "/sitemap-articles.xml",
            self.n1.url,
            self.n2.url,
            self.n3.url,
        ]
        self.warm(*self.news_urls, *self.sport_urls)

    def publish_new(self, title, **fields):
        article = build_article(
            self.news, title, tags=["parliament"], authors=[self.alice], **fields
        )
        self.news.add_child(instance=article)
        article.save_revision().publish()
        return ArticlePage.objects.get(pk=article.pk)

    def test_a_new_article_renders_its_lists_and_its_neighbour_afresh(self):
        article = self.publish_new("Budget passes")
        self.assertEqual(article.previous_article.pk, self.n3.pk)
        self.assertRenderedAfresh(*self.news_urls)
        self.assertContains(self.client.get("/news/"), "Budget passes")
        self.assertContains(self.client.get(self.n3.url), "Budget passes")
        self.assertCached(*self.sport_urls)

    def test_an_edited_headline_reaches_its_neighbours_and_lists_but_not_other_sections(self):
        self.n2.title = "Parliament vote, corrected"
        self.n2.save_revision().publish()
        for url in ("/", "/news/", "/tags/parliament/", "/feeds/rss/", self.n1.url, self.n3.url):
            with self.subTest(url=url):
                self.assertFalse(self.is_cached(url))
                self.assertContains(self.client.get(url), "Parliament vote, corrected")
        self.assertCached(*self.sport_urls)

    def test_an_edit_that_changes_no_list_leaves_the_other_sections_lists_alone(self):
        self.n2.standfirst = "A clearer standfirst."
        self.n2.save_revision().publish()
        self.assertRenderedAfresh(self.n2.url, "/news/", self.n1.url, self.n3.url)
        self.assertCached(*self.sport_urls)

    def test_unpublishing_takes_the_article_out_of_every_page(self):
        self.n2.unpublish()
        self.assertEqual(self.client.get(self.n2.url).status_code, 404)
        self.assertRenderedAfresh("/", "/news/", "/tags/parliament/", "/feeds/rss/")
        for url in (self.n1.url, self.n3.url, "/news/"):
            self.assertNotContains(self.client.get(url), "Parliament vote 2")
        self.assertCached(*self.sport_urls)

    def test_scheduling_changes_nothing_until_the_go_live_time(self):
        article = draft_article(self.news, "Scheduled story", tags=["parliament"])
        revision = schedule(article, timezone.now() + timedelta(hours=1))
        self.assertCached(*self.news_urls, *self.sport_urls)

        let_go_live_time_pass(revision)
        tasks.publish_scheduled.call()
        self.assertContains(self.client.get("/"), "Scheduled story")
        self.assertContains(self.client.get(self.n3.url), "Scheduled story")
        self.assertCached(*self.sport_urls)

    def test_a_draft_change_to_a_live_article_changes_nothing(self):
        self.n2.title = "Not published yet"
        self.n2.save_revision()
        self.assertCached(*self.news_urls, *self.sport_urls)

    def test_changing_the_papers_settings_renders_every_page_afresh(self):
        paper_settings(tagline="A new tagline")
        self.assertRenderedAfresh(*self.news_urls, *self.sport_urls)

    def test_a_page_is_not_kept_past_the_expiry_of_anything_it_shows(self):
        expires = timezone.now() + timedelta(minutes=5)
        self.n3.expire_at = expires
        self.n3.save_revision().publish()
        for url in (self.n3.url, self.n2.url, "/news/"):
            with self.subTest(url=url):
                self.client.get(url)
                entry = page_cache.shared.get(page_cache.key_for(RequestFactory().get(url).META))
                self.assertIsNotNone(entry)
                self.assertLessEqual(entry.expires, expires.timestamp())
        self.assertCached(*self.sport_urls)
