"""Slow inputs (issue 9, point 8): hostile queries and megabyte articles, each within a second.

Search snippets are cut from the stored text of every article on a results
page, so a megabyte typed into an article by an editor is read whenever a
search finds it; and a reader's query may be as long as the address allows.
Each shape of kronika/security/tests/slow_inputs.py goes through the snippet,
the stemmer and the search page.
"""

import json
from urllib.parse import quote

from django.utils.html import escape

from kronika.base.stemming import stems_of
from kronika.news.models import ArticlePage
from kronika.search.snippets import snippet
from kronika.security.tests.slow_inputs import MEGABYTE, SHAPES, seconds
from kronika.testing import KronikaTestCase, publish_article, without_page_cache

LIMIT = 1.0
TERMS = ["zeppelin", "aaaa", "http", "www"]


def article_of(text: str) -> ArticlePage:
    """An article whose body is `text` in each kind of block an editor types into."""
    blocks = [
        {"type": "paragraph", "value": f"<p>{escape(text)}</p>"},
        {"type": "quote", "value": {"quote": text, "attribution": text[:255]}},
        {"type": "heading", "value": {"text": text, "level": "h2"}},
    ]
    return ArticlePage(title="Zeppelin", standfirst=text[:1000], body=json.dumps(blocks))


class MegabyteSearchTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Quotes, as an editor may paste anything into one. (Wagtail's own indexing
        # of a megabyte of rich text takes minutes; that is not a reader's path.)
        for name in ("unclosed tags", "empty tags", "entities", "short words"):
            publish_article(
                cls.news,
                f"Zeppelin and {name}",
                body=json.dumps(
                    [
                        {"type": "paragraph", "value": "<p>Zeppelin.</p>"},
                        {"type": "quote", "value": {"quote": SHAPES[name], "attribution": ""}},
                    ]
                ),
            )

    def test_a_snippet_of_a_megabyte_of_each_shape_in_each_kind_of_block_takes_under_a_second(
        self,
    ):
        for name, text in SHAPES.items():
            article = article_of(text)
            with self.subTest(shape=name):
                self.assertLess(seconds(snippet, article, TERMS), LIMIT)

    def test_stemming_a_megabyte_of_each_shape_for_the_index_takes_under_a_second(self):
        for name, text in SHAPES.items():
            with self.subTest(shape=name):
                self.assertLess(seconds(stems_of, text), LIMIT)

    def test_a_search_finding_megabyte_articles_answers_within_a_second(self):
        with without_page_cache():
            took = seconds(self.client.get, "/search/", {"q": "zeppelin"})
            response = self.client.get("/search/", {"q": "zeppelin"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content.decode().count('class="search-snippet"'), 4)
        self.assertLess(took, LIMIT)

    def test_a_hostile_query_as_long_as_the_address_allows_gets_a_page_within_a_second(self):
        for name, text in SHAPES.items():
            # Cut anywhere, even inside a character: the bytes are hostile too.
            query = quote(text[:60_000], safe="")[:60_000]
            with self.subTest(shape=name), without_page_cache():
                took = seconds(self.client.get, f"/search/?q={query}")
                response = self.client.get(f"/search/?q={query}")
                self.assertEqual(response.status_code, 200)
                self.assertLess(took, LIMIT)

    def test_a_megabyte_query_is_refused_with_a_readable_page_within_a_second(self):
        query = "q=" + "a" * MEGABYTE
        took = seconds(self.client.get, f"/search/?{query}")
        response = self.client.get(f"/search/?{query}")
        self.assertEqual(response.status_code, 414)
        self.assertIn("The address you followed is longer than this site accepts.", response.text)
        self.assertLess(took, LIMIT)
