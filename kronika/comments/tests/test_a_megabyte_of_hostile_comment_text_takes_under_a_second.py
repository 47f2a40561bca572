"""Slow inputs (issue 9, point 8): a megabyte of hostile text through each comment rule.

The comment form refuses long bodies before any rule runs, but a comment edited
in the admin is stored at any length and rendered on the article page for every
reader. So the functions a comment goes through, turning addresses into links,
counting links and looking for blocked words, each get a mebibyte of every
shape in kronika/security/tests/slow_inputs.py and must finish within a second.
"""

import contextlib
from types import SimpleNamespace

from django.test import SimpleTestCase

from kronika.base.readers import Refused
from kronika.comments.posting import check_words
from kronika.comments.text import count_links, render_body
from kronika.security.tests.slow_inputs import SHAPES, seconds

LIMIT = 1.0
# A paper's list of blocked words and phrases, of a realistic length.
BLOCKED = [f"blocked{number}" for number in range(80)] + ["cheap pills", "casino bonus"]


def check(text):
    with contextlib.suppress(Refused):
        check_words(text, "A reader", SimpleNamespace(blocked_word_list=BLOCKED))


class HostileCommentTextTests(SimpleTestCase):
    def test_rendering_a_megabyte_of_each_shape_takes_under_a_second(self):
        for name, text in SHAPES.items():
            with self.subTest(shape=name):
                self.assertLess(seconds(render_body, text), LIMIT)

    def test_counting_the_links_in_a_megabyte_of_each_shape_takes_under_a_second(self):
        for name, text in SHAPES.items():
            with self.subTest(shape=name):
                self.assertLess(seconds(count_links, text), LIMIT)

    def test_looking_for_blocked_words_in_a_megabyte_of_each_shape_takes_under_a_second(self):
        for name, text in SHAPES.items():
            with self.subTest(shape=name):
                self.assertLess(seconds(check, text), LIMIT)

    def test_the_rendered_text_stays_inert(self):
        html = render_body(SHAPES["unclosed tags"])
        self.assertNotIn("<a<", html)
        self.assertTrue(html.startswith("<p>&lt;a&lt;a"))
