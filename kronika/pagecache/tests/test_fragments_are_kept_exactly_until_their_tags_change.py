import time
from types import SimpleNamespace

from django.test import SimpleTestCase, override_settings

from kronika.pagecache import tags as t
from kronika.pagecache.fragments import fragments
from kronika.pagecache.store import Dependencies, _tag_key, page_cache

CARD = t.card(1)


class Builds:
    """A build function that says how often it ran."""

    def __init__(self, value="<p>teaser</p>"):
        self.value = value
        self.count = 0

    def __call__(self):
        self.count += 1
        return self.value


def request():
    """A request the page cache will not keep: nothing to confirm parts for."""
    return SimpleNamespace()


def cacheable_request():
    return SimpleNamespace(page_cache=Dependencies())


@override_settings(KRONIKA_PAGE_CACHE_RECHECK_MS=60_000)
class FragmentTests(SimpleTestCase):
    def setUp(self):
        page_cache.clear()
        self.build = Builds()

    def remember(self, tags=(CARD,), **options):
        return fragments.remember(request(), "teaser:1", tags, self.build, **options)

    def test_a_fragment_is_built_once_while_its_tags_are_unchanged(self):
        self.assertEqual(self.remember(), "<p>teaser</p>")
        self.assertEqual(self.remember(), "<p>teaser</p>")
        self.assertEqual(self.build.count, 1)

    def test_a_change_of_one_of_its_tags_builds_it_again(self):
        self.remember()
        page_cache.bump({t.card(1)})
        self.remember()
        self.assertEqual(self.build.count, 2)

    def test_a_change_of_the_site_builds_everything_again(self):
        self.remember()
        page_cache.bump({t.SITE})
        self.remember()
        self.assertEqual(self.build.count, 2)

    def test_an_unrelated_change_does_not(self):
        self.remember()
        page_cache.bump({t.card(2), t.page(1), t.listing()})
        self.remember()
        self.assertEqual(self.build.count, 1)

    def test_a_change_made_by_another_process_is_seen_at_the_next_recheck(self):
        self.remember()
        # Another process changes the version in the shared cache; no signal reaches this one.
        page_cache.shared.set(_tag_key(t.card(1)), f"{time.time():.6f}:other", timeout=None)
        self.remember()
        self.assertEqual(self.build.count, 1, "within the re-check interval")
        with override_settings(KRONIKA_PAGE_CACHE_RECHECK_MS=0):
            self.remember()
        self.assertEqual(self.build.count, 2)

    def test_a_fragment_built_while_its_tag_changed_is_not_kept(self):
        def build_during_a_change():
            page_cache.bump({t.card(1)})
            return self.build()

        fragments.remember(request(), "teaser:1", [t.card(1)], build_during_a_change)
        self.remember()
        self.assertEqual(self.build.count, 2)

    def test_a_fragment_is_built_again_once_it_expires(self):
        self.remember(until=time.time() + 0.05)
        time.sleep(0.1)
        self.remember()
        self.assertEqual(self.build.count, 2)

    def test_tags_can_be_read_from_what_was_built(self):
        fragments.remember(request(), "list", lambda value: [t.card(value)], lambda: 7)
        page_cache.bump({t.card(7)})
        fragments.remember(request(), "list", lambda value: [t.card(value)], self.build)
        self.assertEqual(self.build.count, 1)

    def test_a_page_that_may_be_cached_confirms_a_fragment_checked_before_it_started(self):
        self.remember()
        page_cache.shared.set(_tag_key(CARD), f"{time.time():.6f}:other", timeout=None)
        page = cacheable_request()
        fragments.remember(page, "teaser:1", [CARD], self.build)
        self.assertEqual(self.build.count, 2)

    def test_a_page_that_may_be_cached_depends_on_the_tags_of_the_fragments_it_uses(self):
        self.remember()
        page = cacheable_request()
        fragments.remember(page, "teaser:1", [CARD], self.build)
        self.assertEqual(self.build.count, 1)
        self.assertIn(CARD, page.page_cache.tags)

    def test_a_part_that_adds_nothing_to_the_page_is_still_confirmed_for_it(self):
        self.remember(tags=[t.listing()], until=time.time() + 600)
        page = cacheable_request()
        kept = fragments.remember(page, "teaser:1", [t.listing()], self.build, adds_to_page=False)
        self.assertEqual((kept, self.build.count), ("<p>teaser</p>", 1))
        self.assertNotIn(t.listing(), page.page_cache.tags)
        self.assertIsNone(page.page_cache.until)
        # Changed by another process: the page, started since, must not use it.
        page_cache.shared.set(_tag_key(t.listing()), f"{time.time():.6f}:other", timeout=None)
        fragments.remember(
            cacheable_request(), "teaser:1", [t.listing()], self.build, adds_to_page=False
        )
        self.assertEqual(self.build.count, 2)

    def test_nothing_is_kept_when_the_fragment_cache_is_off(self):
        with override_settings(KRONIKA_FRAGMENT_CACHE=False):
            self.remember()
            self.remember()
        self.assertEqual(self.build.count, 2)
        self.assertEqual(len(fragments), 0)

    def test_memory_is_bounded_oldest_first_out(self):
        with override_settings(KRONIKA_FRAGMENT_CACHE_MB=1):
            for number in range(40):
                fragments.remember(request(), f"big:{number}", [], lambda: "x" * 100_000)
            self.assertLessEqual(len(fragments), 10)
            self.assertEqual(
                fragments.remember(request(), "big:39", [], lambda: "rebuilt"), "x" * 100_000
            )

    def test_the_page_that_builds_a_part_depends_on_its_tags_as_one_that_finds_it(self):
        building, finding = cacheable_request(), cacheable_request()
        for page in (building, finding):
            fragments.remember(page, "teaser:1", [CARD], self.build, until=time.time() + 60)
        self.assertEqual(self.build.count, 1)
        self.assertEqual(building.page_cache.tags, {CARD, t.SITE})
        self.assertEqual(finding.page_cache.tags, building.page_cache.tags)
        self.assertIsNotNone(building.page_cache.until)
