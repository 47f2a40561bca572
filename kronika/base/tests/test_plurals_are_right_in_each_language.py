"""Counts take each language's plural forms (issue 23).

Lithuanian: 1 komentaras, 2 komentarai, 10 komentarų, 21 komentaras;
Russian: 1 комментарий, 2 комментария, 5 комментариев, 21 комментарий.
"""

from django.test import SimpleTestCase
from django.utils import translation

COMMENTS = ("%(counter)s comment", "%(counter)s comments")

EXPECTED = {
    "en": {1: "1 comment", 2: "2 comments", 5: "5 comments", 10: "10 comments", 21: "21 comments"},
    "lt": {
        1: "1 komentaras",
        2: "2 komentarai",
        5: "5 komentarai",
        10: "10 komentarų",
        12: "12 komentarų",
        21: "21 komentaras",
        22: "22 komentarai",
    },
    "ru": {
        1: "1 комментарий",
        2: "2 комментария",
        4: "4 комментария",
        5: "5 комментариев",
        11: "11 комментариев",
        21: "21 комментарий",
        22: "22 комментария",
    },
}


class PluralTests(SimpleTestCase):
    def test_the_comment_count_takes_each_language_s_forms(self):
        for language, counts in EXPECTED.items():
            for count, expected in counts.items():
                with self.subTest(language=language, count=count), translation.override(language):
                    shown = translation.ngettext(*COMMENTS, count) % {"counter": count}
                    self.assertEqual(shown, expected)
