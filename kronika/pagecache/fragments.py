"""Parts of pages kept in process memory until the tags they were built from change.

A page rendered afresh need not build everything afresh: the site's settings
and menu change a few times a day, and an article's teaser only when its card
does. `remember(request, key, tags, build)` keeps what `build` returns together
with the versions its tags had (the page cache's versions, see `store`), and
hands it out again while they are unchanged:

- a change made by this process drops what depended on it at once (the store
  sends `versions_changed`), and nothing else;
- a change made by another process is seen at the next re-check, at most
  KRONIKA_PAGE_CACHE_RECHECK_MS later, the same bound as for whole pages.

A page that the page cache may keep adds the part's tags to its own, and a
part last confirmed before the page started rendering is confirmed again
first: the page cache compares the page's tags with the versions of after that
start, so it never keeps a page built from a part already out of date.

What is kept must not be changed by whoever receives it (HTML text, tuples, or
model instances that the caller copies). Memory is bounded by
KRONIKA_FRAGMENT_CACHE_MB, bookkeeping included, least recently used first
out; when the shared cache cannot be read, parts are built anew, as pages are
rendered anew.
"""

import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from kronika.pagecache.store import Dependencies, page_cache, versions_changed
from kronika.pagecache.tags import SITE

# What a kept value counts for against the memory limit when it is not text.
OBJECT_SIZE = 2048
# What keeping a part costs beside its value and key, in bytes, as tracemalloc
# measured it for teasers: the Kept record, its slot in the ordered dict, the
# versions dict; and each version's tag and version strings. A teaser's HTML
# is about 600 bytes, so without them the limit let the parts take about
# twice the memory it says: some 50 MB in each process after a crawl.
KEPT_OVERHEAD = 320
VERSION_OVERHEAD = 130


@dataclass
class Kept:
    value: object
    versions: dict[str, str]
    confirmed: float  # wall-clock seconds when the versions were last known current
    checked: float  # monotonic seconds of that check
    until: float | None  # wall-clock seconds after which the value is out of date
    size: int


class Fragments:
    def __init__(self):
        self._kept: OrderedDict[str, Kept] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.configure()

    def configure(self) -> None:
        self.enabled = settings.KRONIKA_FRAGMENT_CACHE
        self._recheck = settings.KRONIKA_PAGE_CACHE_RECHECK_MS / 1000
        self._limit = settings.KRONIKA_FRAGMENT_CACHE_MB * 1024 * 1024
        self.forget()

    def remember(
        self, request, key: str, tags, build, *, until=None, size=None, adds_to_page=True
    ):
        """What `build()` returns, kept under `key` until a tag in `tags` (or SITE) changes.

        `until` (seconds since the epoch) is when the value goes out of date by
        itself, such as an article's expiry. Either may be a function of the
        value built, when only the value tells (which articles a list holds).
        `size(value)` is what it counts for against the memory limit, when it is
        not text.

        `adds_to_page=False` is for a part of which a page shows so little that
        the page's own tags follow every change to it that the page shows (the
        paper's order, of which an article shows its two neighbours, whose
        pages a publication bumps): a kept part is still confirmed current
        before the page uses it, but its tags and `until` are not the page's.
        """
        if not self.enabled:
            return build()
        kept = self._current(key, getattr(request, "page_cache", None), adds_to_page)
        if kept is not None:
            return kept.value
        started = time.time()
        value = build()
        if callable(tags):
            tags = tags(value)
        if callable(until):
            until = until(value)
        tags = {*tags, SITE}
        # The page that built it depends on it as one that finds it kept does.
        page = getattr(request, "page_cache", None)
        if page is not None and adds_to_page:
            page.tags.update(tags)
            if until is not None:
                page.until = min(page.until or until, until)
        versions = page_cache.versions_since(tags, started)
        if versions is not None and (until is None or started < until):
            if size is not None:
                size = size(value)
            else:
                # Text as it sits in memory: Polish text takes two bytes a character.
                size = sys.getsizeof(value) if isinstance(value, str) else OBJECT_SIZE
            size += sys.getsizeof(key) + KEPT_OVERHEAD + VERSION_OVERHEAD * len(versions)
            self._keep(key, Kept(value, versions, started, time.monotonic(), until, size))
        return value

    def kept(self, request, key: str, *, adds_to_page=True):
        """What remember() would hand out under `key` without building it, or None."""
        if not self.enabled:
            return None
        kept = self._current(key, getattr(request, "page_cache", None), adds_to_page)
        return None if kept is None else kept.value

    def _current(self, key: str, page: Dependencies | None, adds_to_page: bool) -> Kept | None:
        kept = self._kept.get(key)
        if kept is None:
            return None
        if kept.until is not None and time.time() >= kept.until:
            self._drop(key)
            return None
        now = time.monotonic()
        # A page the page cache may keep is checked against the versions of
        # after it started; a part last confirmed before is confirmed again.
        stale_for_page = page is not None and kept.confirmed < page.started
        if stale_for_page or now - kept.checked >= self._recheck:
            confirmed = time.time()
            if not page_cache.still_current(kept.versions):
                self._drop(key)
                return None
            kept.confirmed, kept.checked = confirmed, now
        if page is not None and adds_to_page:
            page.tags.update(kept.versions)
            if kept.until is not None:
                page.until = min(page.until or kept.until, kept.until)
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
        return kept

    def _keep(self, key: str, kept: Kept) -> None:
        if kept.size > self._limit:
            return
        with self._lock:
            old = self._kept.pop(key, None)
            if old is not None:
                self._bytes -= old.size
            while self._kept and self._bytes + kept.size > self._limit:
                _, evicted = self._kept.popitem(last=False)
                self._bytes -= evicted.size
            self._kept[key] = kept
            self._bytes += kept.size

    def _drop(self, key: str) -> None:
        with self._lock:
            old = self._kept.pop(key, None)
            if old is not None:
                self._bytes -= old.size

    def forget(self, tags=None) -> None:
        """Drop what depends on any of `tags`, or everything when `tags` is None."""
        with self._lock:
            if tags is None:
                self._kept.clear()
                self._bytes = 0
                return
            stale = [key for key, kept in self._kept.items() if not tags.isdisjoint(kept.versions)]
            for key in stale:
                self._bytes -= self._kept.pop(key).size

    def __len__(self) -> int:
        return len(self._kept)


fragments = Fragments()
remember = fragments.remember


@receiver(versions_changed)
def forget_what_changed(sender, tags, **kwargs):
    fragments.forget(tags)


@receiver(setting_changed)
def reconfigure(setting, **kwargs):
    if setting.startswith(("KRONIKA_FRAGMENT_CACHE", "KRONIKA_PAGE_CACHE_RECHECK")):
        fragments.configure()
