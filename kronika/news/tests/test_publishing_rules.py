from datetime import timedelta

from django.utils import timezone

from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, draft_article, publish_article


def schedule_article(section, title, go_live_at):
    article = draft_article(section, title)
    article.go_live_at = go_live_at
    article.save_revision().publish()
    article.refresh_from_db()
    return article


class PublishedArticlesTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.past = publish_article(cls.news, "Past story", when=cls.days_ago(2))
        cls.in_sport = publish_article(cls.sport, "Sport story", when=cls.days_ago(1))
        cls.draft = draft_article(cls.news, "Draft story")
        cls.scheduled = schedule_article(
            cls.news, "Scheduled story", timezone.now() + timedelta(days=1)
        )
        cls.future_dated = publish_article(
            cls.news, "Future-dated story", when=timezone.now() + timedelta(days=1)
        )
        cls.expired = publish_article(cls.news, "Expired story", when=cls.days_ago(3))
        ArticlePage.objects.filter(pk=cls.expired.pk).update(expire_at=cls.days_ago(1))
        cls.unpublished = publish_article(cls.news, "Unpublished story", when=cls.days_ago(4))
        cls.unpublished.unpublish()

    def published_titles(self, queryset=None):
        queryset = queryset if queryset is not None else ArticlePage.objects.all()
        return set(queryset.published().values_list("title", flat=True))

    def test_it_lists_only_live_articles_inside_their_publication_window(self):
        self.assertEqual(self.published_titles(), {"Past story", "Sport story"})

    def test_a_scheduled_article_is_not_live_before_its_go_live_time(self):
        self.assertFalse(self.scheduled.live)
        self.assertNotIn("Scheduled story", self.published_titles())

    def test_an_expired_article_is_hidden_before_the_worker_unpublishes_it(self):
        self.assertTrue(ArticlePage.objects.get(pk=self.expired.pk).live)
        self.assertNotIn("Expired story", self.published_titles())
        self.assertEqual(self.client.get(self.expired.url).status_code, 404)

    def test_drafts_future_dated_and_unpublished_articles_are_not_published(self):
        titles = self.published_titles()
        for hidden in ("Draft story", "Future-dated story", "Unpublished story"):
            self.assertNotIn(hidden, titles)

    def test_in_section_includes_subsections_and_nothing_else(self):
        world = self.add_section("World", parent=self.news)
        publish_article(world, "World story", when=self.days_ago(1))
        self.assertEqual(
            self.published_titles(ArticlePage.objects.in_section(self.news)),
            {"Past story", "World story"},
        )
        self.assertEqual(
            self.published_titles(ArticlePage.objects.in_section(self.sport)), {"Sport story"}
        )

    def test_newest_first_orders_by_first_publication(self):
        titles = list(
            ArticlePage.objects.published().newest_first().values_list("title", flat=True)
        )
        self.assertEqual(titles, ["Sport story", "Past story"])
