from bs4 import BeautifulSoup
from django.test import Client

from kronika.testing import PASSWORD, KronikaTestCase, publish_article, rate


class RatingsReportTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.loved = publish_article(cls.news, "Loved by a few")
        cls.popular = publish_article(cls.news, "Rated by many")
        cls.unrated = publish_article(cls.news, "Nobody rated this")

    def setUp(self):
        for reader, stars in enumerate([5, 5]):
            rate(Client(), self.loved, stars, reader=reader)
        for reader, stars in enumerate([4, 3, 4, 4, 3]):
            rate(Client(), self.popular, stars, reader=reader)

    def titles(self, ordering):
        self.client.login(username="editor", password=PASSWORD)
        response = self.client.get(f"/admin/reports/ratings/?ordering={ordering}")
        self.assertEqual(response.status_code, 200)
        rows = BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")
        return [row.select_one("td").get_text(strip=True) for row in rows]

    def test_it_lists_rated_articles_by_average(self):
        self.assertEqual(self.titles("-rating_average"), ["Loved by a few", "Rated by many"])

    def test_it_lists_rated_articles_by_number_of_ratings(self):
        self.assertEqual(self.titles("-rating_count"), ["Rated by many", "Loved by a few"])

    def test_it_shows_the_figures(self):
        self.client.login(username="editor", password=PASSWORD)
        page = self.client.get("/admin/reports/ratings/").content.decode()
        self.assertIn("5.00", page)
        self.assertIn("3.60", page)

    def test_reporters_see_it_in_the_reports_menu_and_readers_do_not_see_it(self):
        self.client.login(username="reporter", password=PASSWORD)
        self.assertIn("/admin/reports/ratings/", self.client.get("/admin/").content.decode())
        self.client.login(username="reader", password=PASSWORD)
        self.assertNotEqual(self.client.get("/admin/reports/ratings/").status_code, 200)
