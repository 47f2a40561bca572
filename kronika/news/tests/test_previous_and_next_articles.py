from datetime import timedelta

from bs4 import BeautifulSoup
from django.utils import timezone

from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, draft_article, publish_article


class PreviousAndNextTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.first = publish_article(cls.news, "First", when=cls.days_ago(5))
        cls.second = publish_article(cls.sport, "Second", when=cls.days_ago(4))
        draft_article(cls.news, "A draft in between", when=cls.days_ago(3.5))
        cls.third = publish_article(cls.news, "Third", when=cls.days_ago(3))
        expired = publish_article(cls.sport, "Expired in between", when=cls.days_ago(2.5))
        ArticlePage.objects.filter(pk=expired.pk).update(expire_at=cls.days_ago(1))
        unpublished = publish_article(cls.news, "Unpublished in between", when=cls.days_ago(2.2))
        unpublished.unpublish()
        cls.fourth = publish_article(cls.sport, "Fourth", when=cls.days_ago(2))
        same_moment = cls.days_ago(1)
        cls.fifth = publish_article(cls.news, "Fifth", when=same_moment)
        cls.sixth = publish_article(cls.news, "Sixth", when=same_moment)
        scheduled = draft_article(cls.news, "Scheduled after")
        scheduled.go_live_at = timezone.now() + timedelta(hours=2)
        scheduled.save_revision().publish()
        cls.order = [cls.first, cls.second, cls.third, cls.fourth, cls.fifth, cls.sixth]

    def fresh(self, article):
        return ArticlePage.objects.get(pk=article.pk)

    def test_they_follow_first_publication_across_the_whole_paper(self):
        for older, newer in zip(self.order, self.order[1:], strict=False):
            self.assertEqual(self.fresh(older).next_article.pk, newer.pk)
            self.assertEqual(self.fresh(newer).previous_article.pk, older.pk)

    def test_a_next_link_and_a_previous_link_always_agree(self):
        articles = [self.fresh(article) for article in self.order]
        for a in articles:
            for b in articles:
                a_next_is_b = a.next_article is not None and a.next_article.pk == b.pk
                b_prev_is_a = b.previous_article is not None and b.previous_article.pk == a.pk
                self.assertEqual(a_next_is_b, b_prev_is_a, (a.title, b.title))

    def test_the_first_article_has_no_previous_link(self):
        soup = BeautifulSoup(self.client.get(self.first.url).content, "html.parser")
        self.assertIsNone(soup.select_one("a[rel=prev]"))
        self.assertNotIn("Previous article", soup.get_text())
        self.assertEqual(soup.select_one("a[rel=next]")["href"], self.second.url)

    def test_the_last_article_has_no_next_link(self):
        soup = BeautifulSoup(self.client.get(self.sixth.url).content, "html.parser")
        self.assertIsNone(soup.select_one("a[rel=next]"))
        self.assertNotIn("Next article", soup.get_text())

    def test_drafts_scheduled_expired_and_unpublished_articles_are_skipped(self):
        self.assertEqual(self.fresh(self.second).next_article.pk, self.third.pk)
        self.assertEqual(self.fresh(self.fourth).previous_article.pk, self.third.pk)
        self.assertIsNone(self.fresh(self.sixth).next_article)

    def test_the_links_carry_their_targets_headlines(self):
        soup = BeautifulSoup(self.client.get(self.third.url).content, "html.parser")
        previous, following = soup.select_one("a[rel=prev]"), soup.select_one("a[rel=next]")
        self.assertEqual(previous["href"], self.second.url)
        self.assertIn("Previous article", previous.get_text())
        self.assertIn("Second", previous.get_text())
        self.assertEqual(following["href"], self.fourth.url)
        self.assertIn("Next article", following.get_text())
        self.assertIn("Fourth", following.get_text())
