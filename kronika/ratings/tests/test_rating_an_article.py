from bs4 import BeautifulSoup
from django.test import Client

from kronika.ratings.models import Rating
from kronika.testing import KronikaTestCase, publish_article, rate


class RatingAnArticleTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Harvest is the best in years")

    def widget(self, client=None):
        page = (client or self.client).get(self.article.url).content
        return BeautifulSoup(page, "html.parser").select_one("#rating")

    def test_the_article_offers_one_to_five_stars_as_a_plain_form(self):
        widget = self.widget()
        form = widget.select_one("form")
        self.assertEqual(
            (form["method"], form["action"]), ("post", f"/ratings/{self.article.pk}/")
        )
        buttons = form.select("button[name=stars]")
        self.assertEqual([b["value"] for b in buttons], ["1", "2", "3", "4", "5"])
        self.assertEqual(widget.select_one(".rating-summary").get_text(), "Not rated yet")

    def test_without_script_a_vote_redirects_back_to_the_rating(self):
        response = rate(self.client, self.article, 4)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(response["Location"], f"{self.article.url}#rating")
        self.assertEqual(
            self.widget().select_one(".rating-summary").get_text(), "4.0 from 1 rating"
        )

    def test_with_script_a_vote_answers_with_the_new_score(self):
        rate(self.client, self.article, 5, reader=1)
        response = rate(Client(), self.article, 2, reader=2, HTTP_ACCEPT="application/json")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {
                "count": 2,
                "average": 3.5,
                "text": "3.5 from 2 ratings",
                "stars": 2,
                "yours": "Your rating: 2 of 5. Choose again to change it.",
            },
        )

    def test_the_article_shows_the_average_and_the_count(self):
        for reader, stars in enumerate([5, 4, 4, 4, 5, 3, 5]):
            rate(Client(), self.article, stars, reader=reader)
        self.assertEqual(
            self.widget(Client()).select_one(".rating-summary").get_text(), "4.3 from 7 ratings"
        )

    def test_the_reader_sees_their_own_vote_and_nobody_else_does(self):
        rate(self.client, self.article, 3)
        mine = self.widget()
        self.assertEqual(mine.select_one("[aria-pressed=true]")["value"], "3")
        self.assertIn("Your rating: 3 of 5", mine.get_text())
        response = self.client.get(self.article.url)
        self.assertIn("private", response["Cache-Control"])

        other = Client()
        theirs = self.widget(other)
        self.assertIsNone(theirs.select_one("[aria-pressed=true]"))
        self.assertIn("public", other.get(self.article.url)["Cache-Control"])

    def test_the_vote_cookie_is_signed_and_scoped_to_the_article(self):
        cookie = rate(self.client, self.article, 3).cookies["kronika_vote"]
        self.assertEqual(cookie["path"], self.article.url)
        self.assertTrue(cookie["httponly"])
        self.assertNotIn("198.51", cookie.value)
        self.assertEqual(Rating.objects.get().stars, 3)
