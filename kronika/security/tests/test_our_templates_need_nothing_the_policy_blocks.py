"""Kronika's own templates hold nothing the Content-Security-Policy would block:
no inline script, no event handler attribute, no javascript: URL, no inline style.

Scripts come from static files; JSON-LD and other data blocks are not scripts.
"""

import re
from pathlib import Path

from django.test import SimpleTestCase

import kronika

TEMPLATES = sorted(Path(kronika.__file__).parent.glob("**/templates/**/*.html"))
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
DATA_BLOCK = re.compile(r"""\btype=["']application/(ld\+)?json["']""", re.IGNORECASE)
BLOCKED = {
    "an event handler attribute": re.compile(r"""<[^>]*\son[a-z]+\s*=""", re.IGNORECASE),
    "a style attribute": re.compile(r"""<[^>]*\sstyle\s*=""", re.IGNORECASE),
    "a <style> element": re.compile(r"<style\b", re.IGNORECASE),
    "a javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
}


def problems_in(text: str) -> list[str]:
    found = [
        f"an inline <script{attributes}>"
        for attributes in SCRIPT_TAG.findall(text)
        if "src=" not in attributes and not DATA_BLOCK.search(attributes)
    ]
    found += [what for what, pattern in BLOCKED.items() if pattern.search(text)]
    return found


class OwnTemplatesTests(SimpleTestCase):
    def test_the_check_finds_what_the_policy_blocks(self):
        for bad in (
            "<script>alert(1)</script>",
            '<button onclick="go()">',
            '<p style="color: red">',
            "<style>p {}</style>",
            '<a href="javascript:go()">',
        ):
            with self.subTest(bad=bad):
                self.assertTrue(problems_in(bad))
        self.assertEqual(
            problems_in('<script src="/static/ratings/ratings.js" defer></script>'), []
        )
        self.assertEqual(problems_in('<script type="application/ld+json">{}</script>'), [])

    def test_no_template_has_an_inline_script_handler_or_style(self):
        self.assertGreater(len(TEMPLATES), 20)
        found = {
            str(path.relative_to(Path(kronika.__file__).parent)): problems
            for path in TEMPLATES
            if (problems := problems_in(path.read_text()))
        }
        self.assertEqual(found, {})
