"""Snippets of text an editor typed, however hostile, read as typed and never fail a search.

Django's strip_tags raised SuspiciousOperation on a quote of "<a<a<a…", which
turned every search finding that article into a 400, and it parsed a quote's
plain text as HTML. Rich text showed its entities escaped twice ("&amp;amp;").
"""

import json

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, publish_article


class HostileSnippetTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tags = publish_article(
            cls.news,
            "Zeppelin markup quoted",
            standfirst="A standfirst.",
            body=json.dumps(
                [
                    {
                        "type": "quote",
                        "value": {"quote": "Zeppelin " + "<a" * 5000, "attribution": ""},
                    }
                ]
            ),
        )
        cls.entities = publish_article(
            cls.news,
            "Zeppelin rich text",
            standfirst="Another.",
            body=json.dumps(
                [{"type": "paragraph", "value": "<p>Zeppelin fish &amp; chips &lt;b&gt;</p>"}]
            ),
        )

    def snippets(self, query):
        response = self.client.get("/search/", {"q": query})
        self.assertEqual(response.status_code, 200)
        soup = BeautifulSoup(response.content, "html.parser")
        return {
            result.select_one(".teaser-title").get_text(strip=True): result.select_one(
                ".search-snippet"
            ).get_text()
            for result in soup.select(".search-results li")
        }

    def test_a_quote_of_endless_unclosed_tags_is_found_and_shown_as_typed(self):
        snippet = self.snippets("zeppelin")["Zeppelin markup quoted"]
        self.assertIn("Zeppelin <a<a<a", snippet)

    def test_rich_text_shows_its_characters_not_their_entities(self):
        snippet = self.snippets("chips")["Zeppelin rich text"]
        self.assertIn("fish & chips <b>", snippet)
