"""A search for one case of a Lithuanian or Russian word finds articles that use another.

Articles are indexed by the stems of their words (kronika.base.stemming), and
a query asks for its words' stems too.
"""

from urllib.parse import quote

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, body, publish_article

LITHUANIAN = "Vyriausybė tvirtina naują straipsnį"
RUSSIAN = "Городской суд рассмотрит жалобу"
ENGLISH = "Made in Kaunas"


class InflectedSearchTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        publish_article(
            cls.news,
            LITHUANIAN,
            body=body("Piliečiai kalbėjo apie valstybės biudžetą ir savivaldybių kainas."),
        )
        publish_article(cls.news, RUSSIAN, body=body("Решение суда ждут жители города."))
        publish_article(cls.news, ENGLISH, body=body("A note on the factory."))

    def titles(self, query):
        response = self.client.get(f"/search/?q={quote(query)}")
        self.assertEqual(response.status_code, 200)
        soup = BeautifulSoup(response.content, "html.parser")
        return [a.get_text() for a in soup.select(".search-results .teaser-title a")]

    def test_lithuanian_cases_find_the_lithuanian_article(self):
        for query in ("vyriausybės", "straipsniai", "pilietis", "kalbėti", "savivaldybė"):
            with self.subTest(query=query):
                self.assertEqual(self.titles(query), [LITHUANIAN])

    def test_russian_cases_find_the_russian_article(self):
        for query in ("суды", "городе", "жалобы", "решения"):
            with self.subTest(query=query):
                self.assertEqual(self.titles(query), [RUSSIAN])

    def test_a_short_english_word_does_not_find_its_neighbour(self):
        self.assertEqual(self.titles("mad"), [])
        self.assertEqual(self.titles("not"), [])
