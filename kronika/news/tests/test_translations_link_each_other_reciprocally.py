"""An article in three languages (issue 23): each version names all three and x-default.

Search engines ignore hreflang links that are not reciprocal, so every version
lists the same set, itself included. The switcher offers only the versions
that exist, linking to the same article in the other language, and an
article alone in its language links no other.
"""

import re

from kronika.testing import KronikaTestCase, publish_article, translate

HREFLANG = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SWITCHER = re.compile(r'<nav class="language-switcher".*?</nav>', re.S)


class ReciprocalTranslationsTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home_lt = translate(cls.home, "lt", title="Pradžia")
        cls.home_ru = translate(cls.home, "ru", title="Главная")
        cls.article = publish_article(cls.news, "Vilnius opens a new bridge")
        cls.article_lt = translate(cls.article, "lt", title="Vilniuje atidarytas naujas tiltas")
        cls.article_ru = translate(cls.article, "ru", title="В Вильнюсе открыли новый мост")
        cls.alone = publish_article(cls.news, "Only in English")

    def alternates(self, url: str) -> dict[str, str]:
        page = self.client.get(url).content.decode()
        return dict(HREFLANG.findall(page))

    def test_each_version_names_every_version_and_the_same_x_default(self):
        versions = [self.article, self.article_lt, self.article_ru]
        expected = {
            "en": "http://testserver/news/vilnius-opens-a-new-bridge/",
            "lt": f"http://testserver/lt/news/{self.article_lt.slug}/",
            "ru": f"http://testserver/ru/news/{self.article_ru.slug}/",
            "x-default": "http://testserver/news/vilnius-opens-a-new-bridge/",
        }
        for version in versions:
            with self.subTest(version.locale.language_code):
                self.assertEqual(self.alternates(version.url), expected)

    def test_each_version_is_served_at_its_language_prefix_with_its_lang(self):
        for version, code in (
            (self.article, "en"),
            (self.article_lt, "lt"),
            (self.article_ru, "ru"),
        ):
            with self.subTest(code):
                response = self.client.get(version.url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(f'<html lang="{code}">', response.content.decode())
                self.assertIn(version.title, response.content.decode())

    def test_the_switcher_links_the_same_article_in_the_other_languages(self):
        page = self.client.get(self.article_lt.url).content.decode()
        switcher = SWITCHER.search(page).group(0)
        self.assertIn(f'href="{self.article.url}" hreflang="en"', switcher)
        self.assertIn(f'href="{self.article_ru.url}" hreflang="ru"', switcher)
        self.assertIn('<span aria-current="true" lang="lt">', switcher)

    def test_an_article_alone_in_its_language_links_no_other(self):
        page = self.client.get(self.alone.url).content.decode()
        self.assertEqual(HREFLANG.findall(page), [])
        self.assertIsNone(SWITCHER.search(page))

    def test_a_draft_translation_is_neither_linked_nor_offered(self):
        self.article_ru.unpublish()
        self.assertEqual(set(self.alternates(self.article.url)), {"en", "lt", "x-default"})
        self.assertEqual(self.client.get(self.article_ru.url).status_code, 404)

    def test_the_home_pages_name_each_other(self):
        self.assertEqual(
            self.alternates("/lt/"),
            {
                "en": "http://testserver/",
                "lt": "http://testserver/lt/",
                "ru": "http://testserver/ru/",
                "x-default": "http://testserver/",
            },
        )

    def test_an_english_article_is_not_served_under_another_language(self):
        self.assertEqual(self.client.get("/lt/news/only-in-english/").status_code, 404)
        self.assertEqual(self.client.get("/ru/news/only-in-english/").status_code, 404)

    def test_the_page_shares_its_locale_and_its_alternates(self):
        page = self.client.get(self.article_ru.url).content.decode()
        self.assertIn('<meta property="og:locale" content="ru_RU">', page)
        self.assertIn('<meta property="og:locale:alternate" content="en_GB">', page)
        self.assertIn('<meta property="og:locale:alternate" content="lt_LT">', page)
        self.assertIn('"inLanguage": "ru"', page)

    def test_a_new_translation_shows_on_the_cached_pages_of_the_others_at_once(self):
        before = self.alternates(self.alone.url)
        self.assertEqual(before, {})
        with self.captureOnCommitCallbacks(execute=True):
            translate(self.alone, "lt", title="Tik angliškai", slug="tik-angliskai")
        self.assertEqual(set(self.alternates(self.alone.url)), {"en", "lt", "x-default"})
