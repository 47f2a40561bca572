from datetime import timedelta
from urllib.parse import quote

from bs4 import BeautifulSoup
from django.test import override_settings
from django.utils import timezone

from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, body, draft_article, publish_article


class SiteSearchTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.headline = publish_article(
            cls.news,
            "Zeppelin hangar becomes a market hall",
            standfirst="The old airship hangar in Kaunas will sell vegetables.",
            body=body("Traders moved in on Monday."),
            when=cls.days_ago(3),
        )
        cls.vilnius = publish_article(
            cls.news,
            "Vilnius opens new tram line",
            standfirst="The capital's first tram in decades.",
            body=body("Vilniaus meras sakė, kad tramvajus važiuos kas penkias minutes."),
            when=cls.days_ago(1),
            tags=["transport"],
            authors=[cls.alice],
        )
        cls.sport_story = publish_article(
            cls.sport,
            "Derby on the market square",
            standfirst="Fans gathered near the hall.",
            body=body("The match ended in a draw; the market stayed open."),
            when=cls.days_ago(10),
            authors=[cls.bob],
        )
        draft_article(cls.news, "Zeppelin draft story", body=body("Zeppelin secret."))
        publish_article(cls.news, "Zeppelin future story", when=timezone.now() + timedelta(days=1))
        expired = publish_article(cls.news, "Zeppelin expired story", when=cls.days_ago(5))
        ArticlePage.objects.filter(pk=expired.pk).update(expire_at=cls.days_ago(1))

    def search(self, query, **params):
        url = f"/search/?q={quote(query)}" + "".join(f"&{k}={quote(v)}" for k, v in params.items())
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url[:200])
        return BeautifulSoup(response.content, "html.parser")

    def titles(self, query, **params):
        soup = self.search(query, **params)
        return [a.get_text() for a in soup.select(".search-results .teaser-title a")]

    def test_a_word_only_in_one_headline_finds_that_article_first(self):
        self.assertEqual(self.titles("Zeppelin")[0], "Zeppelin hangar becomes a market hall")

    def test_drafts_scheduled_and_expired_articles_never_appear(self):
        self.assertEqual(self.titles("Zeppelin"), ["Zeppelin hangar becomes a market hall"])

    def test_standfirsts_bodies_tags_and_authors_are_searched(self):
        self.assertEqual(self.titles("vegetables"), ["Zeppelin hangar becomes a market hall"])
        self.assertEqual(self.titles("draw"), ["Derby on the market square"])
        self.assertEqual(self.titles("transport"), ["Vilnius opens new tram line"])
        self.assertEqual(self.titles("Bērziņš"), ["Derby on the market square"])

    def test_headline_matches_rank_before_body_matches(self):
        titles = self.titles("market")
        self.assertEqual(set(titles), {
            "Zeppelin hangar becomes a market hall", "Derby on the market square",
        })  # fmt: skip

    def test_results_can_be_filtered_by_section_and_dates(self):
        self.assertEqual(self.titles("market", section="sport"), ["Derby on the market square"])
        since = (timezone.now() - timedelta(days=5)).date().isoformat()
        self.assertEqual(
            self.titles("market", **{"from": since}), ["Zeppelin hangar becomes a market hall"]
        )
        until = (timezone.now() - timedelta(days=5)).date().isoformat()
        self.assertEqual(self.titles("market", to=until), ["Derby on the market square"])

    def test_snippets_show_the_match_marked(self):
        soup = self.search("vegetables")
        snippet = soup.select_one(".search-snippet")
        self.assertEqual([m.get_text() for m in snippet.find_all("mark")], ["vegetables"])

    def test_vilnius_and_vilniaus_both_find_the_vilnius_story(self):
        for query in ("Vilnius", "Vilniaus", "vilniuje"):
            with self.subTest(query=query):
                self.assertIn("Vilnius opens new tram line", self.titles(query))

    def test_results_are_paginated(self):
        for n in range(3):
            publish_article(self.news, f"Pagination story {n}", body=body("Paginated text."))
        with override_settings(KRONIKA_PAGE_SIZE=2):
            first = self.search("paginated")
            self.assertEqual(len(first.select(".search-results li")), 2)
            self.assertIn("page=2", first.select_one(".pagination a[rel=next]")["href"])
            second = self.search("paginated", page="2")
            self.assertEqual(len(second.select(".search-results li")), 1)

    def test_awkward_queries_get_an_ordinary_page(self):
        for query in (
            "",
            "   ",
            "x" * 10_000,
            "!!! ??? ... ;;; ---",
            "'; DROP TABLE wagtailcore_page; --",
            '" OR 1=1 /* */ NEAR( AND * ^',
            "Šiaulių žinios ąčęėįšųūž",
            "Новости Вильнюса",
            "\u202e\u200b🙂",
        ):
            with self.subTest(query=query[:30]):
                soup = self.search(query)
                self.assertEqual(soup.select_one("h1").get_text(), "Search")

    def test_the_search_page_is_not_indexed(self):
        soup = self.search("market")
        self.assertEqual(soup.select_one("meta[name=robots]")["content"], "noindex")
