"""KRONIKA_FRAGMENT_CACHE_MB bounds the memory parts take, not only their text.

A teaser is about 600 characters; its key, versions and record cost about as
much again, which the limit used to leave out.
"""

import sys
from types import SimpleNamespace

from django.test import SimpleTestCase, override_settings

from kronika.pagecache import tags as t
from kronika.pagecache.fragments import fragments
from kronika.pagecache.store import page_cache

MB = 1024 * 1024


@override_settings(KRONIKA_FRAGMENT_CACHE_MB=1)
class FragmentLimitTests(SimpleTestCase):
    def setUp(self):
        page_cache.clear()

    def keep(self, count: int, value: str) -> None:
        for number in range(count):
            key, tags = f"teaser:{number}", [t.card(number)]
            fragments.remember(SimpleNamespace(), key, tags, lambda: value)

    def test_small_parts_count_their_bookkeeping(self):
        self.keep(5_000, "<p>a</p>")
        # Each part costs its record, key and versions: several hundred bytes.
        self.assertLess(len(fragments), MB // 500)
        self.assertGreater(len(fragments), MB // 2_000)

    def test_text_counts_as_the_memory_it_takes(self):
        polish = "<p>Żółw</p>" * 100
        self.keep(2_000, polish)
        self.assertLessEqual(len(fragments) * sys.getsizeof(polish), MB)
