"""The words in tables, gallery captions, code and cleaned HTML find their article,
and their snippets show the words, not the markup or the blocks' settings."""

import json

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, make_image, publish_article


class TablesGalleriesCodeAndHtmlBlocksAreSearchedAsText(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        picture = make_image("Harbour")
        blocks = {
            "Table story": {
                "type": "table",
                "value": {
                    "data": [["Port", "Tonnes"], ["Klaipėda", "Quokkaberg 45"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_header_choice": "row",
                    "table_caption": "Cargo",
                },
            },
            "Gallery story": {
                "type": "gallery",
                "value": {
                    "images": [{"image": picture.pk, "caption": "Quokkaberg at dawn"}],
                    "caption": "",
                },
            },
            "Code story": {
                "type": "code",
                "value": {"language": "python", "code": "print('quokkaberg')"},
            },
            "HTML story": {"type": "html", "value": "<h3>Quokkaberg</h3><p>fish &amp; chips</p>"},
        }
        for title, block in blocks.items():
            publish_article(cls.news, title, standfirst="A standfirst.", body=json.dumps([block]))

    def test_their_words_find_the_article_and_show_without_markup_or_settings(self):
        response = self.client.get("/search/", {"q": "quokkaberg"})
        soup = BeautifulSoup(response.content, "html.parser")
        snippets = {
            result.select_one(".teaser-title").get_text(strip=True): result.select_one(
                ".search-snippet"
            ).get_text()
            for result in soup.select(".search-results li")
        }
        self.assertEqual(
            set(snippets), {"Table story", "Gallery story", "Code story", "HTML story"}
        )
        self.assertIn("Klaipėda Quokkaberg 45", snippets["Table story"])
        self.assertNotIn("row", snippets["Table story"])
        self.assertIn("Quokkaberg at dawn", snippets["Gallery story"])
        self.assertNotIn("python", snippets["Code story"])
        self.assertIn("Quokkaberg — fish & chips", snippets["HTML story"])
        self.assertNotIn("<", snippets["HTML story"])
