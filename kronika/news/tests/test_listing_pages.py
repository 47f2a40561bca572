from bs4 import BeautifulSoup
from django.utils import timezone

from kronika.news.models import ArticlePage
from kronika.testing import (
    KronikaTestCase,
    draft_article,
    make_image,
    paper_settings,
    publish_article,
)


def listed_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".article-list .teaser-title a")]


class SectionPageTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for n in range(25):
            publish_article(
                cls.news, f"News {n:02}", when=cls.days_ago(30 - n), authors=[cls.alice]
            )
        draft_article(cls.news, "Unfinished draft", tags=["draft-only"])
        publish_article(cls.sport, "Sport only", when=cls.days_ago(1))

    def test_it_lists_its_articles_newest_first_twenty_to_a_page(self):
        first = listed_titles(self.client.get("/news/"))
        self.assertEqual(first, [f"News {n:02}" for n in range(24, 4, -1)])
        second = listed_titles(self.client.get("/news/?page=2"))
        self.assertEqual(second, [f"News {n:02}" for n in range(4, -1, -1)])

    def test_it_links_newer_and_older_pages(self):
        soup = BeautifulSoup(self.client.get("/news/?page=2").content, "html.parser")
        self.assertEqual(soup.select_one(".pagination a[rel=prev]")["href"], "?page=1")
        self.assertIsNone(soup.select_one(".pagination a[rel=next]"))
        soup = BeautifulSoup(self.client.get("/news/").content, "html.parser")
        self.assertEqual(soup.select_one(".pagination a[rel=next]")["href"], "?page=2")

    def test_a_page_past_the_end_is_not_found(self):
        response = self.client.get("/news/?page=3")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Page not found", status_code=404)

    def test_a_malformed_page_number_is_not_found(self):
        for bad in ("abc", "0", "-1", "1.5", "", "%00", "9" * 40):
            with self.subTest(page=bad):
                self.assertEqual(self.client.get(f"/news/?page={bad}").status_code, 404)

    def test_drafts_and_other_sections_are_not_listed(self):
        titles = listed_titles(self.client.get("/news/")) + listed_titles(
            self.client.get("/news/?page=2")
        )
        self.assertNotIn("Unfinished draft", titles)
        self.assertNotIn("Sport only", titles)


class TagAndAuthorPageTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.older = publish_article(
            cls.news, "Older tagged", when=cls.days_ago(3), tags=["energy"], authors=[cls.alice]
        )
        cls.newer = publish_article(
            cls.sport, "Newer tagged", when=cls.days_ago(1), tags=["energy"], authors=[cls.alice]
        )
        publish_article(cls.news, "By Bob", tags=["other"], authors=[cls.bob])
        draft_article(cls.news, "Draft tagged", tags=["energy", "secret"], authors=[cls.alice])

    def test_a_tag_page_lists_its_published_articles_newest_first(self):
        response = self.client.get("/tags/energy/")
        self.assertEqual(listed_titles(response), ["Newer tagged", "Older tagged"])

    def test_a_tag_used_only_by_drafts_is_not_found(self):
        self.assertEqual(self.client.get("/tags/secret/").status_code, 404)

    def test_an_unknown_tag_or_author_is_not_found(self):
        self.assertEqual(self.client.get("/tags/no-such-tag/").status_code, 404)
        self.assertEqual(self.client.get("/authors/nobody/").status_code, 404)

    def test_an_author_page_shows_the_bio_and_their_published_articles(self):
        response = self.client.get("/authors/alice/")
        self.assertContains(response, "Reports.")
        self.assertEqual(listed_titles(response), ["Newer tagged", "Older tagged"])

    def test_tag_and_author_pages_past_the_end_are_not_found(self):
        self.assertEqual(self.client.get("/tags/energy/?page=2").status_code, 404)
        self.assertEqual(self.client.get("/authors/alice/?page=x").status_code, 404)


class HomePageTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pictured = publish_article(
            cls.news, "Pictured story", when=cls.days_ago(2), hero_image=make_image("Lead")
        )
        cls.newest = publish_article(cls.sport, "Newest story", when=cls.days_ago(1))
        publish_article(cls.news, "Other news", when=cls.days_ago(3))
        cls.draft = draft_article(cls.news, "Draft story")

    def get_soup(self):
        return BeautifulSoup(self.client.get("/").content, "html.parser")

    def test_the_lead_is_the_newest_story_with_a_picture(self):
        lead = self.get_soup().select_one(".lead-story")
        self.assertIn("Pictured story", lead.get_text())
        self.assertIsNotNone(lead.img)

    def test_editors_can_choose_the_lead(self):
        self.home.lead_article = ArticlePage.objects.get(pk=self.newest.pk)
        self.home.save_revision().publish()
        self.assertIn("Newest story", self.get_soup().select_one(".lead-story").get_text())

    def test_it_shows_the_stories_not_led_with_as_secondary_and_latest(self):
        soup = self.get_soup()
        self.assertIn("Newest story", soup.select_one(".latest").get_text())
        self.assertIn("Other news", soup.select_one(".latest").get_text())
        self.assertNotIn("Pictured story", soup.select_one(".latest").get_text())
        self.assertEqual(soup.select(".section-block"), [], "nothing is left for the sections")

    def test_teasers_show_their_section_and_the_date_under_the_nameplate(self):
        soup = self.get_soup()
        self.assertEqual(soup.select_one(".lead-story .teaser-section").get_text(), "News")
        self.assertEqual(
            soup.select_one(".masthead-date time")["datetime"], str(timezone.localdate())
        )

    def test_drafts_are_nowhere_on_the_home_page(self):
        self.assertNotIn("Draft story", self.get_soup().get_text())

    def test_the_paper_name_is_the_home_pages_h1(self):
        self.assertEqual(
            [h.get_text(strip=True) for h in self.get_soup().find_all("h1")], ["Kronika"]
        )


class MastheadTests(KronikaTestCase):
    def test_the_paper_logo_replaces_the_name_when_set(self):
        paper = paper_settings()
        paper.logo = make_image("Logo", size=(400, 100))
        paper.save()
        soup = BeautifulSoup(self.client.get("/").content, "html.parser")
        self.assertEqual(soup.select_one(".masthead img")["alt"], "Kronika")
