"""Django's file cache, for the embedded default of one machine without Redis."""

import random

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    """Checks whether to cull on one write in CULL_EVERY, not on every write.

    Django's file cache lists its whole directory on every write to see
    whether it is full. With thousands of cached pages that listing costs far
    more than the write itself; checking now and then keeps the cache about
    as close to MAX_ENTRIES.
    """

    CULL_EVERY = 100

    def _cull(self):
        if random.randrange(self.CULL_EVERY) == 0:  # noqa: S311 - not for security
            super()._cull()
