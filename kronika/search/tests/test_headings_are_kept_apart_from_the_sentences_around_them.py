"""In a search snippet a heading, a quote's attribution or a list item never runs into a sentence.

The text snippets are cut from joined every block with a space, so a
subheading read as part of the sentences around it: "…end of the
paragraphWind farms The turbines…". Each block now keeps its own line, and
the snippet sets a block apart with a dash after a line that has no full stop.
"""

import json

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, publish_article


class HeadingsAreKeptApartFromTheSentencesAroundThem(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        publish_article(
            cls.news,
            "Heading blocks",
            standfirst="Quokkaberg builds turbines.",
            body=json.dumps(
                [
                    {
                        "type": "paragraph",
                        "value": "<p>The council met at the end of the week</p>",
                    },
                    {"type": "heading", "value": {"text": "Quokkaberg farms", "level": "h2"}},
                    {"type": "paragraph", "value": "<p>The turbines went up in May.</p>"},
                    {
                        "type": "quote",
                        "value": {"quote": "We want Quokkaberg power", "attribution": "The mayor"},
                    },
                    {"type": "paragraph", "value": "<p>Work goes on.</p>"},
                ]
            ),
        )
        publish_article(
            cls.news,
            "Headings in rich text",
            standfirst="A standfirst.",
            body=json.dumps(
                [
                    {
                        "type": "html",
                        "value": "<p>The plan was agreed</p><h3>Quokkamouth next</h3>"
                        "<p>Two sites remain</p><ul><li>North pier</li><li>South pier</li></ul>",
                    }
                ]
            ),
        )

    def snippet(self, query: str) -> str:
        response = self.client.get("/search/", {"q": query})
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser").select_one(".search-snippet").text

    def test_a_heading_block_is_set_apart_by_a_dash_from_the_paragraph_after_it(self):
        snippet = self.snippet("Quokkaberg farms")
        self.assertIn("Quokkaberg farms — The turbines went up in May.", snippet)

    def test_a_paragraph_without_a_full_stop_is_set_apart_from_the_heading_after_it(self):
        snippet = self.snippet("Quokkaberg")
        self.assertIn("Quokkaberg builds turbines. The council met", snippet)
        self.assertIn("end of the week — Quokkaberg farms — The turbines", snippet)

    def test_a_quote_and_its_attribution_are_set_apart(self):
        snippet = self.snippet("Quokkaberg")
        self.assertIn("We want Quokkaberg power — The mayor — Work goes on.", snippet)

    def test_headings_paragraphs_and_list_items_in_rich_text_are_set_apart(self):
        # It begins at the matching heading, not with the sentence before it.
        snippet = self.snippet("Quokkamouth")
        self.assertEqual(
            snippet, "… Quokkamouth next — Two sites remain — North pier — South pier"
        )
