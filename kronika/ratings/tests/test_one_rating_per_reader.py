from django.test import Client

from kronika.ratings.models import Rating
from kronika.testing import KronikaTestCase, publish_article, rate


class OneRatingPerReaderTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Summer comes early")
        cls.other = publish_article(cls.news, "Winter comes late")

    def score(self, article=None):
        return Rating.objects.score(article or self.article)

    def test_a_rating_changed_ten_times_counts_once(self):
        for stars in [1, 2, 3, 4, 5, 5, 4, 3, 2, 4]:
            rate(self.client, self.article, stars)
        self.assertEqual((self.score().count, self.score().average), (1, 4.0))

    def test_the_cookie_recognises_the_reader_from_another_address(self):
        rate(self.client, self.article, 1, reader=1)
        rate(self.client, self.article, 5, reader=2)
        self.assertEqual((self.score().count, self.score().average), (1, 5.0))

    def test_the_client_recognises_the_reader_without_the_cookie(self):
        rate(Client(), self.article, 1, reader=1)
        rate(Client(), self.article, 2, reader=1)
        self.assertEqual((self.score().count, self.score().average), (1, 2.0))

    def test_different_readers_each_count(self):
        for reader in range(5):
            rate(Client(), self.article, reader + 1, reader=reader)
        self.assertEqual((self.score().count, self.score().average), (5, 3.0))

    def test_a_vote_on_one_article_does_not_touch_another(self):
        rate(self.client, self.article, 5)
        rate(self.client, self.other, 1)
        self.assertEqual(self.score().average, 5.0)
        self.assertEqual(self.score(self.other).average, 1.0)
