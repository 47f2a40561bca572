"""A long post, or one built to make a parser backtrack, converts in about linear time.

Each post here is about 300 kB; a pass that took the square of the
length on any of them would take minutes, not seconds.
"""

import time

from kronika.testing import KronikaTestCase
from kronika.wordpress.content import convert
from kronika.wordpress.tests.fake_media import FakeMedia, validated

SIZE = 300_000
SECONDS = 8  # each post; a few seconds on a slow machine


def repeated(piece: str, before: str = "", after: str = "") -> str:
    return before + piece * (SIZE // len(piece)) + after


POSTS = {
    "classic paragraphs": repeated(
        "Words with <b>bold</b> and <a href='/x'>a link</a>.\nMore.\n\n"
    ),
    "block paragraphs": repeated(
        "<!-- wp:paragraph -->\n<p>Words <em>here</em>.</p>\n<!-- /wp:paragraph -->\n"
    ),
    "unclosed comments": repeated("<!--"),
    "unclosed comments with tags": repeated("<!-- a > b "),
    "unclosed tags": repeated("<a"),
    "unclosed processing instructions": repeated("<?"),
    "unclosed block comments": repeated("<!-- wp:group -->"),
    "unmatched block closers": repeated("<!-- /wp:group -->x"),
    "deeply nested attributes": repeated("[", '<!-- wp:paragraph {"a":', " -->"),
    "brackets": repeated("[a "),
    "unclosed captions": repeated("[caption]"),
    "unclosed quotes in shortcodes": repeated('[gallery ids="'),
    "deep divs": repeated("<div>", after="x"),
    "deep spans": repeated("<span>", after="x"),
    "deep blockquotes": repeated("<blockquote>", after="x"),
    "one long line": repeated("a\n", "<p>"),
    "blank lines": repeated("\n \n"),
    "urls": repeated("https://e.example/x\n"),
    "list items": repeated("<li>x</li>\n", "<ul>", "</ul>"),
    "table cells": repeated("<tr><td>x</td><td colspan=99999>y</td></tr>", "<table>", "</table>"),
    "pictures in a paragraph": repeated("<img src='x.jpg'>", "<p>", "</p>"),
    "scripts in a paragraph": repeated("a<script>x</script>", "<p>", "</p>"),
}


class LinearTimeTests(KronikaTestCase):
    def test_every_long_or_hostile_post_converts_within_seconds(self):
        for name, content in POSTS.items():
            with self.subTest(name):
                started = time.perf_counter()
                conversion = convert(content, FakeMedia())
                took = time.perf_counter() - started
                self.assertLess(took, SECONDS, f"{name}: {took:.1f} s")
                if name in ("classic paragraphs", "block paragraphs", "list items"):
                    validated(conversion)
