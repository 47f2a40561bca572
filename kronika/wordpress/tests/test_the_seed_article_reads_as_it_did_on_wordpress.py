from bs4 import BeautifulSoup

from kronika.comments.models import Comment
from kronika.news.models import ArticlePage
from kronika.wordpress.tests.exports import SEED, ImportTestCase, run_import_command

HEADLINE = "Lithuania saves Chechen gays"
RELATED_HUMAN_RIGHTS_STORIES = {
    "Estonia debates humanitarian visas for persecuted minorities",
    "Rights groups call for an investigation of abuses in Chechnya",
}


class TheSeedArticleReadsAsItDidOnWordPress(ImportTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.output = run_import_command(SEED)
        cls.article = ArticlePage.objects.get(title=HEADLINE)

    def setUp(self):
        super().setUp()
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        self.page = BeautifulSoup(response.content, "html.parser")

    def text_of(self, selector: str) -> str:
        found = self.page.select_one(selector)
        self.assertIsNotNone(found, selector)
        return " ".join(found.get_text(" ").split())

    def test_it_shows_the_headline_standfirst_and_body(self):
        self.assertEqual(self.text_of("h1"), HEADLINE)
        page_text = " ".join(self.page.get_text(" ").split())
        self.assertIn(
            "The United States has denied visas for roughly forty gay Chechens", page_text
        )
        self.assertEqual(self.article.url, "/news/lithuania-saves-chechen-gays/")
        paragraphs = [block for block in self.article.body if block.block_type == "paragraph"]
        self.assertEqual(len(paragraphs), 14)
        self.assertIn("Since February 2017, over 100 male residents", page_text)
        self.assertIn("put an end to the internments.", page_text)
        self.assertIn("News Desk", page_text)

    def test_it_keeps_its_wordpress_publication_time(self):
        self.assertEqual(self.article.first_published_at.isoformat(), "2017-05-18T09:00:00+00:00")

    def test_previous_and_next_articles_are_its_wordpress_neighbours(self):
        self.assertIn("Europe: Rise of Wind Energy Against Coal", self.text_of("a[rel=prev]"))
        self.assertIn(
            "Indonesia becomes a new great economic partner of Lithuania",
            self.text_of("a[rel=next]"),
        )

    def test_more_in_news_and_related_stories_with_the_human_rights_stories_first(self):
        more = self.page.find(id="more-title")
        self.assertEqual(more.get_text(strip=True), "More in News")
        related = self.page.find(id="related-title").find_parent("section")
        titles = [" ".join(a.get_text(" ").split()) for a in related.select("h3 a, h2 a")]
        self.assertGreaterEqual(len(titles), 2, titles)
        self.assertEqual(set(titles[:2]), RELATED_HUMAN_RIGHTS_STORIES, titles)

    def test_comments_are_closed_as_they_were(self):
        self.assertIn("Comments are closed.", self.text_of(".comments-closed"))

    def test_its_old_address_redirects_permanently(self):
        response = self.client.get("/2017/05/18/lithuania-saves-chechen-gays/")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], self.article.url)

    def test_the_estonia_story_keeps_its_threaded_comments(self):
        estonia = ArticlePage.objects.get(title__startswith="Estonia debates")
        comments = list(Comment.objects.on(estonia).order_by("created_at"))
        self.assertEqual(len(comments), 2)
        first, reply = comments
        self.assertIsNone(first.parent)
        self.assertEqual(reply.parent, first)
        self.assertTrue(all(comment.status == Comment.Status.APPROVED for comment in comments))
        page = self.client.get(estonia.url).content.decode()
        for comment in comments:
            self.assertIn(comment.name, page)
