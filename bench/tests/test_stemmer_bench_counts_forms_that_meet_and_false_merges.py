from unittest import TestCase

from bench.stemmers import WORDS, false_merges, quality, sections


def first_four(word: str) -> str | None:
    """A stand-in stemmer: the first four letters of a longer word."""
    return word[:4] if len(word) > 4 else None


class StemmerBenchTests(TestCase):
    def test_a_family_counts_as_together_only_when_every_pair_of_its_forms_meets(self):
        families = [["miestas", "miesto", "miestai"], ["namas", "namo", "name"]]
        result = quality(first_four, families)
        self.assertEqual((result.together, result.pairs, result.pairs_meeting), (1, 6, 3))

    def test_a_word_meeting_another_familys_stem_is_a_false_merge(self):
        families = [["stat"], ["state"], ["status"], ["miestas"]]
        self.assertEqual(
            false_merges(first_four, families),
            [("stat", "state"), ("stat", "status"), ("state", "status")],
        )

    def test_the_checked_in_list_has_families_in_each_language_and_words_kept_apart(self):
        found = sections(WORDS)
        self.assertEqual(
            list(found),
            ["Lithuanian families", "Russian families", "English words kept apart"],
        )
        self.assertTrue(all(len(family) == 1 for family in found["English words kept apart"]))
        self.assertGreaterEqual(len(found["Lithuanian families"]), 50)
