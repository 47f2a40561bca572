from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, body, make_image, publish_article


class ArticlePageTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for days in range(6, 1, -1):
            publish_article(
                cls.news, f"Older news {days}", when=cls.days_ago(days), tags=["rights"]
            )
        cls.article = publish_article(
            cls.news,
            "Lithuania grants refuge to two men",
            when=cls.days_ago(1),
            standfirst="The foreign minister confirmed the visas on Wednesday.",
            body=body("First paragraph.", "Second paragraph.", quote="We acted quickly."),
            dateline="Vilnius",
            authors=[cls.alice, cls.bob],
            tags=["rights", "visas"],
            hero_image=make_image("Hero"),
        )
        cls.newer = publish_article(cls.sport, "A newer sport story", when=cls.days_ago(0.5))

    def get_soup(self, article=None):
        response = self.client.get((article or self.article).url)
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser")

    def test_it_shows_every_element_in_reading_order(self):
        text = self.get_soup().find("main").get_text(" ", strip=True)
        expected_order = [
            "News",
            "Lithuania grants refuge to two men",
            "The foreign minister confirmed the visas on Wednesday.",
            "By Alice Adamkienė and Bob Bērziņš",
            "First paragraph.",
            "We acted quickly.",
            "Tags rights visas",
            "Previous article",
            "Next article",
            "You may also like",
            "More in News",
        ]
        positions = [text.index(fragment) for fragment in expected_order]
        self.assertEqual(positions, sorted(positions), text)

    def test_the_headline_is_the_only_h1(self):
        headings = self.get_soup().find_all("h1")
        self.assertEqual([h.get_text(strip=True) for h in headings], [self.article.title])

    def test_it_gives_the_publication_time_as_a_machine_readable_time(self):
        time = self.get_soup().select_one(".article-header time")
        moment = self.article.first_published_at.replace(microsecond=0)
        self.assertEqual(time["datetime"], moment.isoformat())
        self.assertNotIn(".", time["datetime"], "HTML allows at most milliseconds")

    def test_the_hero_image_is_described_once_and_credited(self):
        hero = self.get_soup().select_one("figure.hero")
        self.assertEqual(hero.figcaption.select_one(".caption").get_text(), "Alt text for Hero")
        self.assertEqual(hero.img["alt"], "", "the caption already says it")
        self.assertEqual(hero.figcaption.select_one(".credit").get_text(), "Test credit")

    def test_a_caption_that_does_not_describe_the_picture_leaves_it_its_alt_text(self):
        self.article.hero_caption = "The ministry on Wednesday."
        self.article.save_revision().publish()
        hero = self.get_soup().select_one("figure.hero")
        self.assertEqual(hero.img["alt"], "Alt text for Hero")

    def test_tags_link_to_their_pages(self):
        links = {a["href"] for a in self.get_soup().select(".article-tags a")}
        self.assertEqual(links, {"/tags/rights/", "/tags/visas/"})

    def test_the_byline_links_each_author(self):
        links = [a["href"] for a in self.get_soup().select(".byline a")]
        self.assertEqual(links, ["/authors/alice/", "/authors/bob/"])

    def test_more_in_section_lists_four_others_of_the_same_section(self):
        links = [a["href"] for a in self.get_soup().select(".more-in-section h3 a")]
        self.assertEqual(len(links), 4)
        self.assertNotIn(self.article.url, links)
        self.assertTrue(all(link.startswith("/news/") for link in links))

    def test_its_address_is_section_then_slug(self):
        self.assertEqual(self.article.url, "/news/lithuania-grants-refuge-to-two-men/")

    def test_its_only_scripts_are_its_own_deferred_enhancements(self):
        scripts = self.get_soup().find_all("script")
        # JSON-LD blocks are data for search engines; browsers do not run them.
        scripts = [s for s in scripts if s.get("type") != "application/ld+json"]
        for script in scripts:
            self.assertTrue(script["src"].startswith("/static/"), script)
            self.assertTrue(script.has_attr("defer"), script)
            self.assertEqual(script.string or "", "", "no inline script")
