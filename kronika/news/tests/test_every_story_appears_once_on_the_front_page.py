from collections import Counter

from bs4 import BeautifulSoup

from kronika.news.front_page import FrontPage
from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, make_image, publish_article


class EveryStoryOnceTests(KronikaTestCase):
    """A reader scanning the front page meets each story in one place only."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.culture = cls.add_section("Culture")
        picture = make_image()
        sections = [cls.news, cls.sport, cls.culture]
        # Enough stories for every tier and several per section, a third without a picture.
        cls.articles = [
            publish_article(
                sections[n % 3],
                f"Story {n:02}",
                when=cls.days_ago(40 - n),
                hero_image=picture if n % 3 else None,
                authors=[cls.alice],
            )
            for n in range(30)
        ]

    def front_page_links(self) -> list[str]:
        soup = BeautifulSoup(self.client.get("/").content, "html.parser")
        return [a["href"] for a in soup.select("main .teaser-title a")]

    def assertEachOnce(self, links):
        repeated = [link for link, count in Counter(links).items() if count > 1]
        self.assertEqual(repeated, [], "stories shown twice on the front page")

    def test_no_story_is_shown_twice(self):
        links = self.front_page_links()
        self.assertEachOnce(links)
        tiers = 1 + FrontPage.SECONDARY_COUNT + FrontPage.LATEST_COUNT
        self.assertEqual(len(links), tiers + 3 * FrontPage.SECTION_BLOCK_COUNT)

    def test_the_editors_lead_is_not_repeated_in_any_tier(self):
        self.home.lead_article = ArticlePage.objects.get(pk=self.articles[1].pk)
        self.home.save_revision().publish()
        links = self.front_page_links()
        self.assertEachOnce(links)
        self.assertEqual(links[0], self.articles[1].url)

    def test_sections_show_only_what_the_tiers_above_left_out(self):
        soup = BeautifulSoup(self.client.get("/").content, "html.parser")
        above = {a["href"] for a in soup.select(".front-top a, .secondary-stories a")}
        blocks = {a["href"] for a in soup.select(".section-block .teaser-title a")}
        self.assertTrue(blocks)
        self.assertEqual(above & blocks, set())

    def test_a_section_with_nothing_left_to_show_has_no_block(self):
        for article in ArticlePage.objects.child_of(self.culture):
            article.unpublish()
        soup = BeautifulSoup(self.client.get("/").content, "html.parser")
        titles = [h.get_text(strip=True) for h in soup.select(".section-block h2")]
        self.assertNotIn("Culture", titles)
