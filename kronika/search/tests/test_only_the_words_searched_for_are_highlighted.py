"""A snippet marks the searched words in any of their forms, and no longer word containing one.

Every word beginning with a searched word was marked: "windless" for "wind".
A word is marked when its Snowball stem (kronika.base.stemming), or the word
itself when it has none, equals a searched word's: the forms the index finds.
"""

import json

from bs4 import BeautifulSoup

from kronika.testing import KronikaTestCase, publish_article


class OnlyTheWordsSearchedForAreHighlighted(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        publish_article(
            cls.news,
            "A day on the coast",
            standfirst="A windless morning.",
            body=json.dumps(
                [
                    {
                        "type": "paragraph",
                        "value": "<p>By noon the winds rose, the wind farm turned "
                        "and the windmill museum closed. Windsurfers stayed ashore.</p>",
                    }
                ]
            ),
        )
        publish_article(
            cls.news,
            "Vilniaus tramvajus",
            standfirst="Vilnius gets a tram.",
            body=json.dumps(
                [{"type": "paragraph", "value": "<p>Vilniaus meras ir vilnietis.</p>"}]
            ),
        )

    def marked(self, query: str) -> dict[str, list[str]]:
        response = self.client.get("/search/", {"q": query})
        self.assertEqual(response.status_code, 200)
        soup = BeautifulSoup(response.content, "html.parser")
        return {
            result.select_one(".teaser-title").get_text(strip=True): [
                mark.get_text() for mark in result.select(".search-snippet mark")
            ]
            for result in soup.select(".search-results li")
        }

    def test_wind_marks_wind_and_winds_not_windless_windmill_or_windsurfers(self):
        self.assertEqual(self.marked("wind"), {"A day on the coast": ["winds", "wind"]})

    def test_winds_marks_the_same_words_as_wind(self):
        self.assertEqual(self.marked("winds"), {"A day on the coast": ["winds", "wind"]})

    def test_windless_marks_only_windless(self):
        self.assertEqual(self.marked("windless")["A day on the coast"], ["windless"])

    def test_another_case_of_a_lithuanian_name_is_marked_but_a_longer_word_is_not(self):
        self.assertEqual(self.marked("Vilnius")["Vilniaus tramvajus"], ["Vilnius", "Vilniaus"])
