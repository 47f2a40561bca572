"""On PostgreSQL, a tier reads every match of a word few use, and tests the newest articles
for a word many use; which is cheaper depends on how many there are and on the paper's size.

A fixed threshold of 2,000 matches sent a headline word found in 2,300 of
100,000 headlines through 9,000 of the newest articles (kronika.search.tsvector).
"""

from django.test import SimpleTestCase

from kronika.search import tsvector


class CheaperWayTests(SimpleTestCase):
    def test_a_few_matches_are_always_read(self):
        self.assertFalse(tsvector._newest_first_is_cheaper(tsvector.FEW_MATCHES, 10_000_000))

    def test_a_word_in_a_few_percent_of_a_large_paper_is_read(self):
        self.assertFalse(tsvector._newest_first_is_cheaper(3_000, 100_000))

    def test_a_word_in_a_fifth_of_a_large_paper_is_tested_among_the_newest(self):
        self.assertTrue(tsvector._newest_first_is_cheaper(20_000, 100_000))

    def test_the_same_count_of_matches_is_read_in_a_larger_paper(self):
        # 20,000 matches among a million entries fill a tier only after 12,500 articles.
        self.assertFalse(tsvector._newest_first_is_cheaper(20_000, 1_000_000))
