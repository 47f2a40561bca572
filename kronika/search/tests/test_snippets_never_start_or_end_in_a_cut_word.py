"""A search snippet begins and ends between whole words, with "…" where text was left out.

Snippets cut words at a fixed width ("workshops are fu …"). Checked here over
many made-up articles: words of every length, in Latin, Lithuanian and
Cyrillic letters, in blocks of every size, with the searched word anywhere.
"""

import json
import random

from bs4 import BeautifulSoup

from kronika.news.models import ArticlePage
from kronika.search.snippets import snippet
from kronika.testing import KronikaTestCase

ARTICLES = 400
LETTERS = "abcdefghijklmnoprstuvzyąčęėįšųūž" + "абвгдежзиклмнопрстуфхцчшыэюя"
SEARCHED = "zeppelin"
# Separators the snippet sets between blocks, and its ellipses.
NOT_WORDS = {"—", "…"}


def part_of(one: str, other: str) -> bool:
    return one != other and (other.startswith(one) or other.endswith(one))


def made_up_words(rng: random.Random) -> list[str]:
    """Words none of which begins or ends another, so a cut word cannot pass for a whole one."""
    found = {SEARCHED}
    while len(found) < 300:
        word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 18)))
        word += rng.choice(["", "", ",", ".", "?"])
        if not any(part_of(word, w) or part_of(w, word) for w in found):
            found.add(word)
    return sorted(found - {SEARCHED})


def made_up_article(rng: random.Random, vocabulary: list[str]) -> tuple[ArticlePage, list[str]]:
    """An article of made-up blocks with the searched word somewhere, and its words in order."""
    blocks = [
        [rng.choice(vocabulary) for _ in range(rng.choice([1, 3, 8, 25, 60, 150]))]
        for _ in range(rng.randint(1, 6))
    ]
    where = rng.randrange(len(blocks))
    blocks[where].insert(rng.randint(0, len(blocks[where])), SEARCHED)
    standfirst, *body = blocks
    stored = [{"type": "paragraph", "value": "<p>{}</p>".format(" ".join(b))} for b in body]
    article = ArticlePage(title="T", standfirst=" ".join(standfirst), body=json.dumps(stored))
    return article, [word for block in blocks for word in block]


def position_in(words: list[str], shown: list[str]) -> int:
    """Where the run of words `shown` is in `words`, whole word by whole word; -1 if nowhere."""
    for start in range(len(words) - len(shown) + 1):
        if words[start : start + len(shown)] == shown:
            return start
    return -1


class SnippetsNeverStartOrEndInACutWord(KronikaTestCase):
    def test_every_snippet_is_a_run_of_whole_words_with_ellipses_where_text_is_left_out(self):
        rng = random.Random(19)
        vocabulary = made_up_words(rng)
        for number in range(ARTICLES):
            article, words = made_up_article(rng, vocabulary)
            html = snippet(article, [SEARCHED])
            text = BeautifulSoup(html, "html.parser").get_text()
            shown = [word for word in text.split() if word not in NOT_WORDS]
            with self.subTest(article=number, snippet=text):
                start = position_in(words, shown)
                self.assertNotEqual(start, -1, "a word of the snippet is not a whole word")
                self.assertEqual(text.startswith("… "), start > 0)
                self.assertEqual(text.endswith(" …"), start + len(shown) < len(words))
                self.assertIn(f"<mark>{SEARCHED}</mark>", html)

    def test_a_snippet_of_long_words_ends_before_the_word_the_width_falls_in(self):
        text = "Workshops are fun for everyone. " * 20
        article = ArticlePage(title="T", standfirst=text, body="[]")
        html = snippet(article, ["workshops"])
        self.assertTrue(html.endswith(" …"), html)
        self.assertRegex(html.removesuffix(" …"), r"(Workshops|are|fun|for|everyone\.)$")

    def test_text_without_spaces_longer_than_any_word_is_cut_with_an_ellipsis_attached(self):
        article = ArticlePage(title="T", standfirst="Zeppelin " + "<a" * 5000, body="[]")
        html = snippet(article, [SEARCHED])
        self.assertTrue(html.startswith("<mark>Zeppelin</mark> &lt;a&lt;a"), html[:60])
        self.assertRegex(html, r"(&lt;|a)…$")
