from bs4 import BeautifulSoup

from kronika.ratings.models import Score
from kronika.testing import KronikaTestCase, publish_article


class AverageStarsTests(KronikaTestCase):
    """The average is drawn as filled stars to the nearest half, beside "4.0 from 42 ratings"."""

    def test_the_average_rounds_to_the_nearest_half_star(self):
        for count, stars, halves in ((0, 0, 0), (1, 5, 10), (42, 168, 8), (3, 11, 7), (4, 5, 3)):
            with self.subTest(average=stars / count if count else None):
                self.assertEqual(Score(count, stars / count if count else None).halves, halves)

    def test_the_article_shows_the_meter_and_the_words_together(self):
        article = publish_article(self.news, "Rated")
        type(article).objects.filter(pk=article.pk).update(rating_count=42, rating_stars=168)
        soup = BeautifulSoup(self.client.get(article.url).content, "html.parser")
        average = soup.select_one(".rating-average")
        self.assertEqual(average.select_one(".stars-meter")["data-halves"], "8")
        self.assertEqual(average.select_one(".stars-meter")["aria-hidden"], "true")
        self.assertEqual(average.get_text(strip=True), "4.0 from 42 ratings")

    def test_a_reader_who_has_not_voted_is_told_nothing_odd(self):
        article = publish_article(self.news, "Unrated")
        soup = BeautifulSoup(self.client.get(article.url).content, "html.parser")
        self.assertEqual(soup.select_one(".rating-yours").get_text(strip=True), "")
