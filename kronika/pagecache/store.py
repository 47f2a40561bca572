"""The full-page cache: whole responses for anonymous readers, kept until what they show changes.

A response is stored under its address together with the *tags* it was built
from ("article 12", "the list of section 3", …) and the version each tag had when
rendering began. Changing content bumps the versions of the tags it touches
(each app says which, in its own `invalidation` module), and an entry whose
tags have moved on is never served again. Tag versions live in the same
shared cache as the pages (files in the data directory, or Redis), so every
server process sees every change. The file cache keeps them apart and never
culls them, so there a tag never changed needs no file (`UNCHANGED`).

Each process also keeps recently served entries in memory and re-checks their
tags against the shared cache at most every KRONIKA_PAGE_CACHE_RECHECK_MS
milliseconds: that memory is what lets a hit cost about as much as returning
a constant from a WSGI app, and the re-check interval bounds how long a change
made in another process can go unseen.

A compressible page is kept in each encoding it may be sent in (identity,
brotli, gzip; see `kronika.pagecache.compression`), made once when it is stored,
so that a hit costs no compression. The key stays the page's address, not its
Accept-Encoding header: each request picks its encoding from the one entry,
so the many spellings of that header never split the cache, and a change
invalidates every encoding at once. The memory tier counts every encoding's
bytes against its limit.
"""

import hashlib
import logging
import math
import re
import secrets
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import connection, transaction
from django.dispatch import Signal, receiver
from django.utils.http import parse_http_date_safe

from kronika.pagecache.entries import KEY_PREFIX, Entry, variants_of
from kronika.pagecache.tags import SITE
from kronika.request_limits import refusal

logger = logging.getLogger(__name__)

# Sent by this process when it gives `tags` new versions, or with tags=None when
# it forgets every version: what it keeps in memory beside the pages (see
# `fragments`) is dropped at once rather than at its next re-check.
versions_changed = Signal()

ALIAS = "pages"
# Pagination (?page= for lists, ?p= for sitemaps) is the only query a cached page
# answers; any other query goes to Django, so made-up queries cannot fill the cache.
CACHEABLE_QUERY = re.compile(r"(?:p(?:age)?=[1-9][0-9]{0,5})?")


@dataclass
class Dependencies:
    """What a response being rendered was built from; views fill it in."""

    started: float = field(default_factory=time.time)
    tags: set[str] = field(default_factory=lambda: {SITE})
    cacheable: bool = False
    until: float | None = None


TAG_PREFIX = "tag:"
# Where a shared cache keeps every tag version for good, a tag never changed
# has no version of its own: it reads as this one, renewed when the cache is
# cleared. A cold page then writes nothing but itself.
UNCHANGED = TAG_PREFIX + "*unchanged"


def _tag_key(tag: str) -> str:
    return f"{TAG_PREFIX}{tag}"


def _version_time(version: str) -> float:
    return float(version.partition(":")[0])


class PageCache:
    def __init__(self):
        self._memory: dict[str, tuple[Entry, float]] = {}
        self._memory_bytes = 0
        self._lock = threading.Lock()
        self.configure()

    def configure(self) -> None:
        """Read the settings once: a hit must not pay for Django's lazy settings."""
        self.enabled = settings.KRONIKA_PAGE_CACHE
        self._recheck = settings.KRONIKA_PAGE_CACHE_RECHECK_MS / 1000
        self._memory_limit = settings.KRONIKA_PAGE_CACHE_MEMORY_MB * 1024 * 1024
        self._session_cookie = f"{settings.SESSION_COOKIE_NAME}="
        self._proxy_header = settings.SECURE_PROXY_SSL_HEADER or (None, None)
        self.forget_memory()

    @property
    def shared(self):
        return caches[ALIAS]

    def key_for(self, environ) -> str | None:
        """The cache key of a request, or None when the page cache must not answer it."""
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        # A session or a reader's own kronika_* state makes the page personal. The
        # test on the raw header is loose on purpose: a false positive only means
        # that Django renders the page.
        cookies = environ.get("HTTP_COOKIE", "")
        if "kronika_" in cookies or self._session_cookie in cookies:
            return None
        if "HTTP_AUTHORIZATION" in environ:
            return None
        query = environ.get("QUERY_STRING", "")
        if query and not CACHEABLE_QUERY.fullmatch(query):
            return None
        # A request over the size limits is left to Django, which refuses it with
        # the same readable page, and the same security headers, as any other.
        if refusal(environ) is not None:
            return None
        header, secure_value = self._proxy_header
        if header and environ.get(header) == secure_value:
            scheme = "https"
        else:
            scheme = environ.get("wsgi.url_scheme", "http")
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        address = f"{scheme}://{host.lower()}{environ.get('PATH_INFO', '/')}?{query}"
        return KEY_PREFIX + hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()

    def lookup(self, key: str) -> Entry | None:
        remembered = self._memory.get(key)
        now = time.monotonic()
        if remembered is not None:
            entry, checked = remembered
            if now - checked < self._recheck and entry.fresh():
                return entry
        try:
            entry = self.shared.get(key)
            if entry is not None and not (entry.fresh() and self._current(entry.tags)):
                entry = None
        except Exception as error:
            # The page cache is a shortcut: when its store fails, Django renders.
            logger.warning("The page cache could not be read: %r", error)
            return None
        self._remember(key, entry, now)
        return entry

    def lookup_stale(self, key: str) -> Entry | None:
        """The last copy kept of a page, however out of date: for when it cannot be rendered.

        Invalidation leaves old entries in place (a newer render overwrites
        them), so a page read within KRONIKA_PAGE_CACHE_SECONDS can still be
        shown while the database is down.
        """
        remembered = self._memory.get(key)
        if remembered is not None:
            return remembered[0]
        try:
            return self.shared.get(key)
        except Exception as error:
            logger.warning("The page cache could not be read: %r", error)
            return None

    def still_current(self, tags: dict[str, str]) -> bool:
        """Whether no tag has moved on since these versions were read; False when unsure."""
        try:
            return self._current(tags)
        except Exception as error:
            logger.warning("The page cache's tag versions could not be read: %r", error)
            return False

    def versions_since(self, tags, started: float) -> dict[str, str] | None:
        """The versions of `tags` now, or None if any changed after `started` (or cannot be read).

        What was read from the database after `started` is then known to match
        these versions, the same test `store` applies to a whole page.
        """
        try:
            versions = self._versions(sorted(tags))
        except Exception as error:
            logger.warning("The page cache's tag versions could not be read: %r", error)
            return None
        if versions is None or any(_version_time(v) >= started for v in versions.values()):
            return None
        return versions

    def _keeps_tags(self, shared) -> bool:
        keeps_for_good = getattr(shared, "keeps_for_good", None)
        return keeps_for_good is not None and keeps_for_good(UNCHANGED)

    def _current(self, tags: dict[str, str]) -> bool:
        shared = self.shared
        keys = [_tag_key(tag) for tag in tags]
        if self._keeps_tags(shared):
            keys.append(UNCHANGED)
        versions = shared.get_many(keys)
        # Without UNCHANGED (a cache that may lose versions, or one just
        # cleared) a tag without a version matches nothing recorded.
        unchanged = versions.get(UNCHANGED)
        return all(
            versions.get(_tag_key(tag), unchanged) == version for tag, version in tags.items()
        )

    def _remember(self, key: str, entry: Entry | None, now: float) -> None:
        limit = self._memory_limit
        with self._lock:
            old = self._memory.pop(key, None)
            if old is not None:
                self._memory_bytes -= old[0].size
            if entry is None or entry.size > limit:
                return
            size = entry.size
            # Oldest first out: entries that are still read come back on their next re-check.
            while self._memory and self._memory_bytes + size > limit:
                _, (evicted, _) = self._pop_oldest()
                self._memory_bytes -= evicted.size
            self._memory[key] = (entry, now)
            self._memory_bytes += size

    def _pop_oldest(self):
        oldest = next(iter(self._memory))
        return oldest, self._memory.pop(oldest)

    def forget_memory(self) -> None:
        with self._lock:
            self._memory.clear()
            self._memory_bytes = 0

    def store(self, key: str, response, dependencies: Dependencies) -> bool:
        """Keep a rendered response, unless something it depends on changed while it rendered."""
        now = time.time()
        expires = now + settings.KRONIKA_PAGE_CACHE_SECONDS
        if dependencies.until is not None:
            expires = min(expires, dependencies.until)
        if expires - now < 1:
            return False
        tags = sorted(dependencies.tags)
        try:
            versions = self._versions(tags)
            if versions is None:
                return False  # the shared cache is keeping nothing now
            if any(_version_time(v) >= dependencies.started for v in versions.values()):
                return False
            entry = Entry(
                status=response.status_code,
                variants=variants_of(response),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                tags=versions,
                expires=expires,
            )
            self.shared.set(key, entry, timeout=math.ceil(expires - now))
        except Exception as error:
            logger.warning("The page cache could not be written: %r", error)
            return False
        return True

    def _versions(self, tags: list[str]) -> dict[str, str] | None:
        keys = [_tag_key(tag) for tag in tags]
        if self._keeps_tags(self.shared):
            return self._kept_versions(tags, keys)
        found = self.shared.get_many(keys)
        missing = [key for key in keys if key not in found]
        if missing:
            # Entries never record "no version": if a version is lost later (evicted,
            # culled), an entry that recorded one is no longer current, whereas
            # "none then, none now" would wrongly look unchanged.
            for key in missing:
                self.shared.add(key, f"0:{secrets.token_hex(4)}", timeout=None)
            found |= self.shared.get_many(missing)
            if any(key not in found for key in missing):
                return None
        return {tag: found[key] for tag, key in zip(tags, keys, strict=True)}

    def _kept_versions(self, tags: list[str], keys: list[str]) -> dict[str, str] | None:
        """Versions from a cache that never loses one: a tag without its own reads as UNCHANGED.

        "None then, none now" is then safe, since a version once written stays
        until the whole cache is cleared, which renews UNCHANGED as well.
        """
        shared = self.shared
        found = shared.get_many([*keys, UNCHANGED])
        if UNCHANGED not in found:
            shared.add(UNCHANGED, f"0:{secrets.token_hex(8)}", timeout=None)
            found |= shared.get_many([UNCHANGED])
            if UNCHANGED not in found:
                return None
        unchanged = found[UNCHANGED]
        return {tag: found.get(key, unchanged) for tag, key in zip(tags, keys, strict=True)}

    def bump(self, tags) -> None:
        """Give each tag a new version, so every page built from it is rendered afresh."""
        # The version starts with the time of the change, so a render that began
        # before it can tell that what it read may already be out of date.
        version = f"{time.time():.6f}:{secrets.token_hex(4)}"
        try:
            # Kept for good: a lost version would needlessly render its pages again.
            self.shared.set_many({_tag_key(tag): version for tag in tags}, timeout=None)
        except Exception as error:
            logger.error("The page cache could not be invalidated for %s: %r", tags, error)
        self.forget_memory()
        versions_changed.send(sender=PageCache, tags=frozenset(tags))

    def clear(self) -> None:
        self.shared.clear()
        self.forget_memory()
        versions_changed.send(sender=PageCache, tags=None)


page_cache = PageCache()


@receiver(setting_changed)
def reconfigure(setting, **kwargs):
    if setting.startswith("KRONIKA_PAGE_CACHE") or setting in (
        "SESSION_COOKIE_NAME",
        "SECURE_PROXY_SSL_HEADER",
    ):
        page_cache.configure()


_site_wide_later: ContextVar[bool] = ContextVar("pagecache_site_wide_later", default=False)


@contextmanager
def invalidating_everything_once():
    """Bulk changes, such as an import, renew the whole cache once when they are done.

    Working out, change by change, which pages each one touches costs more
    than the changes themselves, and a bulk change touches nearly every page.
    """
    token = _site_wide_later.set(True)
    try:
        yield
    finally:
        _site_wide_later.reset(token)
    invalidate(SITE)


def invalidations_deferred() -> bool:
    return _site_wide_later.get()


def invalidate(*tags: str) -> None:
    """Bump `tags` now, and again once the current transaction commits.

    The second bump is the one that counts: a page rendered between the two
    read the old content. The first lets this process's own next read, and
    tests running inside one transaction, see the change at once.
    """
    tags = frozenset(tags)
    if not tags or invalidations_deferred():
        return
    page_cache.bump(tags)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: page_cache.bump(tags))
