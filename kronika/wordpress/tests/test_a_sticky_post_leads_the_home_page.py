from bs4 import BeautifulSoup

from kronika.news.models import ArticlePage, HomePage
from kronika.wordpress.tests.exports import ImportTestCase, export, item


class AStickyPostLeadsTheHomePage(ImportTestCase):
    def test_the_newest_sticky_post_is_the_lead_story(self):
        self.import_text(
            export(
                item(1, "Old sticky story", sticky=True, when="2017-01-01 08:00:00"),
                item(2, "Sticky story", sticky=True, when="2017-05-01 08:00:00"),
                item(3, "Newest story", when="2017-06-01 08:00:00"),
            )
        )
        home = HomePage.objects.get()
        self.assertEqual(home.lead_article, ArticlePage.objects.get(title="Sticky story"))
        page = BeautifulSoup(self.client.get("/").content, "html.parser")
        self.assertIn("Sticky story", page.select_one(".lead-story").get_text())
