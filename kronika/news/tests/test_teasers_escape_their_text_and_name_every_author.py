from bs4 import BeautifulSoup
from django.test import RequestFactory

from kronika.news import teaser_markup
from kronika.news.models import Author
from kronika.testing import KronikaTestCase, make_image, publish_article


class TeaserMarkupTests(KronikaTestCase):
    """The teaser drawn in Python (kronika.news.teaser_markup), as every list shows it."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.carol = Author.objects.create(name="Carol <Č>", slug="carol")
        cls.article = publish_article(
            cls.news,
            'Ports <script>alert("x")</script> reopen',
            standfirst="Ships & <b>boats</b> return.",
            authors=[cls.alice, cls.bob, cls.carol],
            hero_image=make_image("Harbour"),
        )

    def draw(self, **options):
        request = RequestFactory().get("/", HTTP_HOST="localhost")
        return BeautifulSoup(teaser_markup.draw(request, self.article, **options), "html.parser")

    def test_headline_and_standfirst_are_text_not_markup(self):
        soup = self.draw(with_standfirst=True)
        self.assertIsNone(soup.find("script"))
        self.assertIsNone(soup.find("b"))
        self.assertEqual(soup.select_one(".teaser-title a").get_text(), self.article.title)
        self.assertEqual(
            soup.select_one(".teaser-standfirst").get_text(), "Ships & <b>boats</b> return."
        )

    def test_the_byline_names_every_author_as_a_sentence(self):
        byline = self.draw(with_byline=True).select_one(".teaser-byline").get_text()
        self.assertEqual(byline, "Alice Adamkienė, Bob Bērziņš and Carol <Č>")

    def test_the_picture_and_the_headline_link_to_the_article(self):
        soup = self.draw(with_image=True, big=True, level="h2")
        links = {a["href"] for a in soup.select("a")}
        self.assertEqual(links, {self.article.url})
        image = soup.select_one(".teaser-image img")
        self.assertEqual((image["width"], image["height"], image["alt"]), ("960", "540", ""))
        self.assertEqual(image["loading"], "eager")
        self.assertIsNotNone(soup.select_one("h2.teaser-title"))

    def test_an_article_without_a_picture_keeps_the_grid_in_step(self):
        self.article.hero_image = None
        soup = self.draw(with_image=True)
        self.assertIsNotNone(soup.select_one(".teaser-image--none"))
        self.assertIsNone(soup.find("img"))

    def test_the_date_is_the_papers_and_machine_readable(self):
        time = self.draw().select_one(".teaser-meta time")
        self.assertEqual(
            time["datetime"], self.article.first_published_at.replace(microsecond=0).isoformat()
        )
        self.assertRegex(time.get_text(), r"^\d{1,2} [A-Z][a-z]{2} \d{4}$")

    def test_a_heading_level_outside_the_outline_is_refused(self):
        with self.assertRaises(ValueError):
            self.draw(level="script")
