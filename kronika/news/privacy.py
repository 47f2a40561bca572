"""Which pages are private, kept in memory for every list of articles to leave out.

`published()` leaves out any article under a privacy setting, on itself or on
an ancestor. Asked in SQL, row by row (a correlated EXISTS over
PageViewRestriction), that made search 20 to 60 times slower at 10,000
articles: the planner runs the subquery for every candidate, and chooses
worse plans around it. Yet restrictions are few and rarely change, and most
papers have none.

So each process keeps the paths of the restricted pages, and the version of
the page cache's `site` tag it read them under. Every change that can alter
that set bumps the tag (kronika.news.invalidation): a restriction saved
or deleted, a page moved (paths change) or deleted. Each use re-reads the
tag's version from the shared cache, one read as cheap as the page cache's
own check of a hit, so a change made by any process is seen by the next list
anywhere, exactly as the page cache itself sees it. Lists then exclude plain
path prefixes, which the database tests on the row it already has; with no
restriction, they exclude nothing at all.

One gap is left: invalidate() bumps the tag at once and again on commit, so
a list read inside the transaction that changes a restriction, after the
change, is remembered with the first bump; should that transaction then roll
back, the memory is wrong until the tag next moves. No view lists articles in
the transaction that saves a privacy setting.

When the shared cache cannot be read, or holds no version to compare with,
the restrictions are read from the database on each use: slower, never stale.
Past MAX_PREFIXES restrictions a list of prefixes would make long SQL (and
SQLite limits the depth of an expression), so the caller falls back to asking
the database.
"""

import logging
import threading

from wagtail.models import PageViewRestriction

from kronika.pagecache import tags
from kronika.pagecache.store import page_cache

logger = logging.getLogger(__name__)

MAX_PREFIXES = 100

_lock = threading.Lock()
_remembered: tuple[str, tuple[str, ...]] | None = None  # (site tag version, paths)


def _read_paths() -> tuple[str, ...]:
    """The outermost restricted paths: one under another adds nothing."""
    paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
    outermost: list[str] = []
    for path in paths:
        # Sorted, so an ancestor comes right before its descendants.
        if not (outermost and path.startswith(outermost[-1])):
            outermost.append(path)
    return tuple(outermost)


def _site_version() -> str | None:
    try:
        # The page cache's own reading, which gives a tag without one a version.
        versions = page_cache._versions([tags.SITE])
    except Exception as error:
        logger.warning("The privacy settings could not be checked in the cache: %r", error)
        return None
    return None if versions is None else versions[tags.SITE]


def restricted_paths() -> tuple[str, ...]:
    """Paths of the pages under whose tree only some readers are let in."""
    global _remembered
    # Read before the restrictions: a change made in between bumps the version
    # again, so what is read now is read afresh next time.
    version = _site_version()
    remembered = _remembered
    if version is not None and remembered is not None and remembered[0] == version:
        return remembered[1]
    paths = _read_paths()
    if version is not None:
        with _lock:
            _remembered = (version, paths)
    return paths


def forget() -> None:
    global _remembered
    with _lock:
        _remembered = None


class RestrictionsKeptInMemory:
    """A page whose privacy check asks the database only where a restriction may apply.

    Wagtail checks every page it serves with a query over the page's ancestors
    (`get_view_restrictions`), although most papers restrict nothing. The paths
    kept here say whether any restriction can cover the page; only then, or for
    an alias (whose source's restrictions apply), is Wagtail asked.
    """

    def get_view_restrictions(self):
        if self.alias_of_id is None and not any(
            self.path.startswith(path) for path in restricted_paths()
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
