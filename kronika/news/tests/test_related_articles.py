from django.db import connection
from django.test.utils import CaptureQueriesContext

from kronika.news.models import ArticlePage, RelatedArticle
from kronika.testing import KronikaTestCase, body, publish_article


class RelatedArticlesTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.both_tags = publish_article(
            cls.news,
            "Estonia debates humanitarian visas",
            when=cls.days_ago(9),
            tags=["human rights", "visas"],
            body=body("Parliament debated humanitarian visas for persecuted men."),
        )
        cls.one_tag = publish_article(
            cls.news,
            "Rights groups report on detentions",
            when=cls.days_ago(8),
            tags=["human rights"],
        )
        cls.unrelated = [
            publish_article(
                cls.sport, f"Basketball round {n}", when=cls.days_ago(7 - n), tags=["basketball"]
            )
            for n in range(4)
        ]
        cls.target = publish_article(
            cls.news,
            "Lithuania grants humanitarian visas",
            when=cls.days_ago(1),
            tags=["human rights", "visas"],
            body=body("The ministry granted humanitarian visas to two persecuted men."),
        )

    def related_ids(self, article=None):
        article = ArticlePage.objects.get(pk=(article or self.target).pk)
        return [related.pk for related in article.related_articles()]

    def test_it_lists_four_other_live_articles(self):
        ids = self.related_ids()
        self.assertEqual(len(ids), 4)
        self.assertNotIn(self.target.pk, ids)
        self.assertEqual(ArticlePage.objects.published().filter(pk__in=ids).count(), 4)

    def test_articles_sharing_more_tags_and_words_come_first(self):
        self.assertEqual(self.related_ids()[:2], [self.both_tags.pk, self.one_tag.pk])

    def test_the_list_is_stored_when_an_article_is_published(self):
        stored = RelatedArticle.objects.filter(article=self.target).order_by("rank")
        self.assertEqual([r.related_id for r in stored][:2], [self.both_tags.pk, self.one_tag.pk])

    def test_an_older_article_lists_a_newer_relative_after_it_is_published(self):
        self.assertEqual(self.related_ids(self.both_tags)[0], self.target.pk)

    def test_a_page_view_reads_the_stored_list_and_computes_nothing(self):
        with CaptureQueriesContext(connection) as queries:
            self.client.get(self.target.url)
        self.assertFalse(any("news_articleterm" in q["sql"] for q in queries.captured_queries))

    def test_an_unpublished_relative_leaves_the_list(self):
        self.both_tags.unpublish()
        ids = self.related_ids()
        self.assertNotIn(self.both_tags.pk, ids)
        self.assertEqual(len(ids), 4)

    def test_an_expired_relative_is_never_shown(self):
        ArticlePage.objects.filter(pk=self.both_tags.pk).update(expire_at=self.days_ago(0.1))
        self.assertNotIn(self.both_tags.pk, self.related_ids())

    def test_an_article_that_shares_nothing_still_gets_a_full_list(self):
        loner = publish_article(self.sport, "Chess final", tags=["chess"], body=body("Zugzwang."))
        ids = self.related_ids(loner)
        self.assertEqual(len(ids), 4)
        self.assertNotIn(loner.pk, ids)
