"""Django's file cache, for the embedded default of one machine without Redis."""

import random

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    """Checks whether to cull on one write in CULL_EVERY, not on every write.

    Django's file cache lists its whole directory on every write to see
    whether it is full. With thousands of cached pages that listing costs far
    more than the write itself; checking now and then keeps the cache about
    as close to MAX_ENTRIES.

    Listing 20,000 files takes 10 to 50 ms. A cold page can make twenty tag
    versions (one per teaser it shows, see kronika.pagecache.store), so at one
    check in 100 writes the listing cost a deep section page 3 ms of its
    render; at one in 1,000 it costs 0.3 ms, and the cache overshoots
    MAX_ENTRIES by about a thousand files per process between checks.
    """

    CULL_EVERY = 1_000

    def _cull(self):
        if random.randrange(self.CULL_EVERY) == 0:  # noqa: S311 - not for security
            super()._cull()
