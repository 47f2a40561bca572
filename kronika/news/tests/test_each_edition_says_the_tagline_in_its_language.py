"""A tagline on an edition's home page is that edition's, wherever readers see the tagline."""

import json

from django.test import override_settings

from kronika.testing import KronikaTestCase, paper_settings, publish_article, translate


@override_settings(KRONIKA_PAGE_CACHE=False)
class EditionTaglineTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        paper_settings(tagline="News from the Baltics")
        article = publish_article(cls.news, "Ports reopen")
        translate(cls.home, "lt", title="Pradžia", tagline="Naujienos iš Baltijos šalių")
        translate(cls.home, "ru")
        translate(article, "lt", title="Uostai vėl atidaryti")
        translate(article, "ru", title="Порты снова открыты")

    def test_the_lithuanian_edition_says_its_own_tagline(self):
        for url in ("/lt/", "/lt/news/uostai-vel-atidaryti/"):
            with self.subTest(url=url):
                page = self.client.get(url).text
                self.assertIn('<p class="tagline">Naujienos iš Baltijos šalių</p>', page)
                self.assertNotIn("News from the Baltics", page)
        feed = json.loads(self.client.get("/lt/feeds/feed.json").content)
        self.assertEqual(feed["description"], "Naujienos iš Baltijos šalių")
        rss = self.client.get("/lt/feeds/rss/").text
        self.assertIn("<description>Naujienos iš Baltijos šalių</description>", rss)

    def test_an_edition_without_its_own_says_the_paper_s(self):
        self.assertIn('<p class="tagline">News from the Baltics</p>', self.client.get("/ru/").text)

    def test_the_first_language_keeps_the_paper_s(self):
        page = self.client.get("/").text
        self.assertIn('<meta name="description" content="News from the Baltics">', page)
        self.assertNotIn("Naujienos iš Baltijos šalių", page)
