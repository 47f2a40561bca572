"""On the file cache, a tag never changed has no file: a cold page writes only its own entry.

A crawl of an archive used to write a tag version for every article a page
showed, six files or more per page, which filled the cache and made culling
delete pages and versions alike. Versions now live apart and are never culled,
so a tag without a file is one never changed since the cache was cleared;
every change must still render its pages afresh.
"""

import tempfile
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.test import override_settings

from kronika.base.filecache import KEPT_DIR, FileCache
from kronika.pagecache.store import page_cache
from kronika.pagecache.tests.paper import CachedPaperTestCase


def file_caches(directory: Path, max_entries: int = 20_000) -> dict:
    return {
        **settings.CACHES,
        "pages": {
            "BACKEND": "kronika.base.filecache.FileCache",
            "LOCATION": directory,
            "OPTIONS": {"MAX_ENTRIES": max_entries, "KEPT_PREFIX": "tag:"},
        },
    }


class FileCacheTagVersionTests(CachedPaperTestCase):
    def setUp(self):
        super().setUp()
        temporary = tempfile.TemporaryDirectory()
        self.addCleanup(temporary.cleanup)
        self.directory = Path(temporary.name)
        overridden = override_settings(CACHES=file_caches(self.directory))
        overridden.enable()
        self.addCleanup(overridden.disable)
        page_cache.clear()

    def pages(self) -> list[Path]:
        return sorted(self.directory.glob("*.djcache"))

    def versions(self) -> list[Path]:
        return sorted((self.directory / KEPT_DIR).glob("*.djcache"))

    def test_a_cold_article_writes_its_entry_and_no_tag_version(self):
        self.warm(self.news_articles[0].url)
        written = self.versions()
        self.warm(self.news_articles[1].url, self.sport_articles[2].url)
        self.assertEqual(len(self.pages()), 3)
        self.assertEqual(self.versions(), written, "only the one version of the never-changed")
        self.assertLessEqual(len(written), 1)

    def test_editing_an_article_renders_its_pages_afresh_and_keeps_the_others(self):
        edited, others = self.news_articles[1], [a.url for a in self.sport_articles]
        self.warm(edited.url, "/news/", *others)
        edited.standfirst = "A clearer standfirst."
        edited.save_revision().publish()
        self.assertRenderedAfresh(edited.url, "/news/")
        self.assertCached(*others)
        self.assertContains(self.client.get(edited.url), "A clearer standfirst.")

    def test_culling_never_deletes_a_tag_version(self):
        self.sport_articles[0].save_revision().publish()
        self.warm(*(article.url for article in self.news_articles))
        pages, versions = self.pages(), self.versions()
        self.assertGreater(len(versions), 1)
        with (
            override_settings(CACHES=file_caches(self.directory, max_entries=len(pages))),
            mock.patch.object(FileCache, "CULL_EVERY", 1),
        ):
            page_cache.shared.set("another-page", b"x")
            self.assertTrue(set(pages) - set(self.pages()), "culling deleted no page")
            self.assertEqual(self.versions(), versions)

    def test_an_entry_from_before_a_clear_is_never_served_after_it(self):
        url = self.news_articles[0].url
        self.warm(url)
        key = page_cache.key_for(self.client.get(url).wsgi_request.META)
        before = page_cache.shared.get(key)
        page_cache.clear()
        self.assertEqual((self.pages(), self.versions()), ([], []))
        self.warm(self.sport_articles[0].url)  # the never-changed get a version anew
        page_cache.shared.set(key, before)  # as a render that began before the clear would
        page_cache.forget_memory()
        self.assertIsNone(page_cache.lookup(key))
