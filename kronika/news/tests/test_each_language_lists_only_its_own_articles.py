"""Each language's lists hold its own articles only (issue 23).

The front page, a section, previous and next, "You may also like", "More in",
a tag's and an author's page, and the 404 page's headlines: an article that
exists in one language appears only in that language's lists.
"""

from kronika.news.models import ArticlePage
from kronika.news.related import find_related, store_related
from kronika.testing import KronikaTestCase, publish_article, translate


class EachLanguageListsItsOwnTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home_lt = translate(cls.home, "lt", title="Pradžia")
        cls.news_lt = translate(cls.news, "lt", title="Naujienos")
        days = cls.days_ago
        cls.first = publish_article(cls.news, "Harbour cranes arrive", when=days(3), tags=["port"])
        cls.english_only = publish_article(
            cls.news, "Harbour cranes unload", when=days(2), tags=["port"], authors=[cls.alice]
        )
        cls.last = publish_article(cls.news, "Harbour cranes tested", when=days(1), tags=["port"])
        cls.first_lt = translate(
            cls.first,
            "lt",
            title="Uoste kranai atvyko",
            slug="kranai-atvyko",
            standfirst="Atvyko.",
        )
        cls.last_lt = translate(
            cls.last, "lt", title="Uoste išbandyti kranai", slug="kranai-isbandyti", standfirst="."
        )
        cls.lithuanian_only = publish_article(
            cls.news_lt, "Kauno uoste nauja krantinė", when=days(1.5), authors=[cls.alice]
        )

    def page(self, url: str) -> str:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response.content.decode()

    def test_the_front_pages_show_their_own_language(self):
        english, lithuanian = self.page("/"), self.page("/lt/")
        self.assertIn("Harbour cranes unload", english)
        self.assertNotIn("Kauno uoste", english)
        self.assertIn("Kauno uoste nauja krantinė", lithuanian)
        self.assertIn("Uoste išbandyti kranai", lithuanian)
        self.assertNotIn("Harbour cranes", lithuanian)

    def test_a_translated_section_lists_its_language_only(self):
        lithuanian = self.page(self.news_lt.url)
        self.assertIn("Uoste kranai atvyko", lithuanian)
        self.assertNotIn("Harbour cranes", lithuanian)

    def test_previous_and_next_stay_within_the_language(self):
        # In English the neighbour of the first is the English-only article; in
        # Lithuanian it is the Lithuanian-only one, then the translation of the last.
        self.assertEqual(self.first.specific.next_article.pk, self.english_only.pk)
        self.assertEqual(self.first_lt.next_article.pk, self.lithuanian_only.pk)
        page = self.page(self.lithuanian_only.url)
        self.assertIn(self.first_lt.url, page)
        self.assertIn(self.last_lt.url, page)
        self.assertNotIn(self.english_only.url, page)

    def test_you_may_also_like_stays_within_the_language(self):
        for article in (self.first_lt, self.last_lt, self.lithuanian_only):
            store_related(article, find_related(article, {"kranai": 1.0, "uoste": 1.0}))
        related = self.first_lt.related_articles()
        self.assertTrue(related)
        self.assertEqual({article.locale_id for article in related}, {self.first_lt.locale_id})

    def test_more_in_the_section_stays_within_the_language(self):
        page = self.page(self.first_lt.url)
        self.assertIn("Kauno uoste nauja krantinė", page)
        self.assertNotIn("Harbour cranes unload", page)

    def test_a_tag_lists_its_language_and_has_no_page_where_it_has_no_article(self):
        self.assertIn("Harbour cranes unload", self.page("/tags/port/"))
        lithuanian = self.page("/lt/tags/port/")
        self.assertIn("Uoste kranai atvyko", lithuanian)
        self.assertNotIn("Harbour cranes", lithuanian)
        self.assertEqual(self.client.get("/ru/tags/port/").status_code, 404)

    def test_an_author_lists_their_articles_in_the_page_language(self):
        english, lithuanian = self.page("/authors/alice/"), self.page("/lt/authors/alice/")
        self.assertIn("Harbour cranes unload", english)
        self.assertNotIn("Kauno uoste", english)
        self.assertIn("Kauno uoste nauja krantinė", lithuanian)
        self.assertNotIn("Harbour cranes unload", lithuanian)

    def test_the_not_found_page_shows_the_language_s_headlines(self):
        response = self.client.get("/lt/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertIn('<html lang="lt">', response.content.decode())
        self.assertIn("Kauno uoste nauja krantinė", response.content.decode())
        self.assertNotIn("Harbour cranes", response.content.decode())

    def test_the_verbs_pick_the_language(self):
        lithuanian = ArticlePage.objects.published().in_language("lt")
        self.assertEqual(
            set(lithuanian.values_list("pk", flat=True)),
            {self.first_lt.pk, self.last_lt.pk, self.lithuanian_only.pk},
        )
        self.assertFalse(ArticlePage.objects.published().in_language("ru").exists())
