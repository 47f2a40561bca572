from bs4 import BeautifulSoup

from kronika.news.models import ArticlePage
from kronika.testing import KronikaTestCase, body, publish_article


class BylineTests(KronikaTestCase):
    """ "By Andres Kask · Tallinn · 4 December 2026, 16:00 · 2 min read": each
    part its own element, so the place never reads as a surname and no
    separator is left dangling where a line wraps (the separators are drawn by
    the stylesheet before each part but the first)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        words = " ".join(["word"] * 690)
        cls.article = publish_article(
            cls.news,
            "A long read",
            standfirst="Ten words in the standfirst count towards the reading time too.",
            body=body(words),
            dateline="TALLINN",
            authors=[cls.alice],
        )

    def byline(self, article=None):
        response = self.client.get((article or self.article).url)
        return BeautifulSoup(response.content, "html.parser").select_one(".article-meta .byline")

    def test_each_part_is_an_element_of_its_own_with_no_text_between(self):
        byline = self.byline()
        parts = list(byline.children)
        self.assertTrue(all(part.name == "span" for part in parts), parts)
        self.assertEqual(
            [part.get_text(" ", strip=True) for part in parts][:2],
            ["By Alice Adamkienė", "TALLINN"],
        )
        self.assertEqual(parts[1]["class"], ["dateline"])

    def test_the_reading_time_counts_the_standfirst_and_body_at_230_words_a_minute(self):
        self.assertEqual(self.byline().select_one(".reading-time").get_text(), "3 min read")

    def test_a_short_article_takes_a_minute_not_none(self):
        short = publish_article(self.news, "Brief", body=body("Two words."))
        self.assertEqual(ArticlePage.objects.get(pk=short.pk).reading_minutes, 1)
        self.assertEqual(self.byline(short).select_one(".reading-time").get_text(), "1 min read")

    def test_without_a_dateline_the_time_follows_the_authors(self):
        plain = publish_article(self.news, "No place", authors=[self.bob])
        classes = [
            part.get("class") for part in self.byline(plain).find_all("span", recursive=False)
        ]
        self.assertEqual(classes[0], ["byline-authors"])
        self.assertIsNone(classes[1], "the time's own span comes next")
