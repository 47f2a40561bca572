"""/lt/search/ and /ru/search/ find their language's articles by any form of a word (issue 23).

A search for "Vilniaus" finds the Lithuanian headline with "Vilnius", and the
reverse; "Таллина" finds "Таллин". Each language's search looks in its own
articles only, and offers its own sections.
"""

from urllib.parse import quote

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, body, publish_article, translate

ENGLISH = "Vilnius opens its new concert hall"
LITHUANIAN = "Vilnius atidaro naują koncertų salę"
RUSSIAN = "В Таллин вернулся джазовый фестиваль"


class SearchInEachLanguageTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        translate(cls.home, "lt", title="Pradžia")
        translate(cls.home, "ru", title="Главная")
        cls.news_lt = translate(cls.news, "lt", title="Naujienos")
        cls.news_ru = translate(cls.news, "ru", title="Новости")
        hall = publish_article(cls.news, ENGLISH, body=body("The hall seats 1,600 in Vilnius."))
        translate(
            hall,
            "lt",
            title=LITHUANIAN,
            slug="koncertu-sale",
            body=body("Vilniaus salėje telpa 1600 žiūrovų."),
        )
        publish_article(
            cls.news_ru, RUSSIAN, body=body("Фестиваль в Таллине собрал тысячи зрителей.")
        )

    def titles(self, prefix: str, query: str) -> list[str]:
        response = self.client.get(f"{prefix}/search/?q={quote(query)}")
        self.assertEqual(response.status_code, 200)
        soup = BeautifulSoup(response.content, "html.parser")
        return [a.get_text() for a in soup.select(".search-results .teaser-title a")]

    def test_an_inflected_lithuanian_form_finds_the_lithuanian_headline(self):
        self.assertEqual(self.titles("/lt", "Vilniaus"), [LITHUANIAN])
        self.assertEqual(self.titles("/lt", "salę"), [LITHUANIAN])

    def test_an_inflected_russian_form_finds_the_russian_headline(self):
        self.assertEqual(self.titles("/ru", "Таллина"), [RUSSIAN])
        self.assertEqual(self.titles("/ru", "фестивале"), [RUSSIAN])

    def test_each_language_finds_only_its_own_articles(self):
        self.assertEqual(self.titles("", "Vilnius"), [ENGLISH])
        self.assertEqual(self.titles("/lt", "Vilnius"), [LITHUANIAN])
        self.assertEqual(self.titles("/ru", "Vilnius"), [])

    def test_the_section_filter_offers_the_language_s_sections(self):
        page = self.client.get("/lt/search/?q=Vilniaus").content.decode()
        self.assertIn("Naujienos", page)
        self.assertNotIn(">News<", page)
