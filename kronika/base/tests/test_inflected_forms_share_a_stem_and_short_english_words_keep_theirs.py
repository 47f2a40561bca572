"""The search stems: a word's inflected forms meet, short English words stay apart.

bench/stemmers.py measures the stemmer on a whole word list; these are the
cases the search depends on, and the guards around Snowball.
"""

import threading
from unittest import TestCase

from kronika.base.stemming import MAX_WORD, stem, stem_casefolded, stems_of

ROUNDS = 20


class StemTests(TestCase):
    def assert_one_stem(self, *forms):
        # A word that is its own stem has none (None): the search asks for the word.
        found = {form: stem(form) or form.casefold() for form in forms}
        self.assertEqual(len(set(found.values())), 1, found)

    def test_lithuanian_cases_share_a_stem(self):
        self.assert_one_stem("Vilnius", "Vilniaus", "Vilniuje", "Vilniui", "Vilnių")
        self.assert_one_stem("straipsnis", "straipsnio", "straipsnyje", "straipsniai")
        self.assert_one_stem("vyriausybė", "vyriausybės", "vyriausybei", "vyriausybėje")

    def test_russian_cases_share_a_stem_even_a_short_one(self):
        self.assert_one_stem("Город", "города", "городу", "городах")
        self.assert_one_stem("суд", "суда", "суду", "судом")

    def test_short_english_words_are_not_cut_to_a_neighbour(self):
        for word in ("made", "note", "hope", "site", "here"):
            with self.subTest(word=word):
                self.assertIsNone(stem(word))

    def test_a_run_of_letters_longer_than_any_word_is_not_stemmed(self):
        self.assertIsNone(stem("vilniaus" * (MAX_WORD // 8 + 1)))
        self.assertEqual(stems_of("a" * 2**20 + " Vilniaus"), stem("Vilniaus"))

    def test_threads_stemming_at_once_each_get_their_own_words_stems(self):
        # Snowball's stemmers hold the word being stemmed; shared by the threads
        # of an app server, they would hand one thread another's stem.
        uncached = stem_casefolded.__wrapped__
        words = [f"{base}{n}" for n in range(100) for base in ("vilniaus", "городах")]
        expected = [uncached(word) for word in words]
        wrong = []

        def stem_all():
            for _ in range(ROUNDS):
                wrong.extend(w for w, e in zip(words, expected, strict=True) if uncached(w) != e)

        threads = [threading.Thread(target=stem_all) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(wrong, [])
