from kronika.news.models import ArticlePage
from kronika.ratings.models import Rating
from kronika.testing import KronikaTestCase, publish_article, rate


class DenormalisedRatingTests(KronikaTestCase):
    """The article keeps its number of votes and their stars, which its page shows."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Storm warning issued")

    def kept(self) -> tuple[int, int]:
        article = ArticlePage.objects.get(pk=self.article.pk)
        return article.rating_count, article.rating_stars

    def test_votes_are_counted_and_summed(self):
        rate(self.client, self.article, 5, reader=1)
        self.client.cookies.clear()
        rate(self.client, self.article, 2, reader=2)
        self.assertEqual(self.kept(), (2, 7))
        self.client.cookies.clear()
        self.assertContains(self.client.get(self.article.url), "3.5 from 2 ratings")

    def test_a_reader_changing_their_vote_replaces_it(self):
        rate(self.client, self.article, 5)
        rate(self.client, self.article, 1)
        self.assertEqual(self.kept(), (1, 1))

    def test_a_vote_removed_leaves_the_sum(self):
        Rating.cast(self.article, "reader-a", 4)
        Rating.cast(self.article, "reader-b", 3)
        Rating.objects.get(voter="reader-a").delete()
        self.assertEqual(self.kept(), (1, 3))

    def test_republishing_the_article_keeps_the_votes(self):
        revision = self.article.save_revision()
        Rating.cast(self.article, "reader-a", 4)
        revision.publish()
        self.assertEqual(self.kept(), (1, 4))
