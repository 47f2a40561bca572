"""Django's file cache, for the embedded default of one machine without Redis."""

import os
import pickle
import random
import zlib

from django.core.cache.backends.filebased import FileBasedCache
from django.utils._os import safe_makedirs

KEPT_DIR = "kept"
# Django compresses every value at zlib's default level 6. A cached page holds
# its brotli and gzip bodies, which do not compress again, beside its HTML:
# level 1 writes one in 0.55 ms instead of 0.9 (on every cold page) and the
# file is 3 % larger. Reading is the same at any level.
ZLIB_LEVEL = 1


class FileCache(FileBasedCache):
    """Checks whether to cull on one write in CULL_EVERY, not on every write.

    Django's file cache lists its whole directory on every write to see
    whether it is full. With thousands of cached pages that listing costs far
    more than the write itself; checking now and then keeps the cache about
    as close to MAX_ENTRIES.

    Listing 20,000 files takes 10 to 50 ms; at one check in 1,000 writes it
    costs a write 0.05 ms at most, and the cache overshoots MAX_ENTRIES by
    about a thousand files per process between checks.

    Keys starting with OPTIONS["KEPT_PREFIX"] are kept for good: their files go
    in a subdirectory that culling never lists, so they neither count against
    MAX_ENTRIES nor are ever deleted to make room (`clear` still removes
    them). The page cache keeps its tag versions there, few and small, which
    is what lets it read a tag without a file as one never changed (see
    `keeps_for_good` and kronika.pagecache.store).
    """

    CULL_EVERY = 1_000

    def __init__(self, dir, params):
        self._kept_prefix = params.get("OPTIONS", {}).get("KEPT_PREFIX", "")
        super().__init__(dir, params)

    @property
    def _kept_dir(self) -> str:
        return os.path.join(self._dir, KEPT_DIR)

    def keeps_for_good(self, key: str) -> bool:
        """Whether `key`, once set without a timeout, stays until it is deleted or cleared."""
        return bool(self._kept_prefix) and key.startswith(self._kept_prefix)

    def _createdir(self):
        super()._createdir()
        if self._kept_prefix:
            safe_makedirs(self._kept_dir, mode=0o700, exist_ok=True)

    def _key_to_file(self, key, version=None):
        path = super()._key_to_file(key, version)
        if self.keeps_for_good(key):
            return os.path.join(self._kept_dir, os.path.basename(path))
        return path

    def clear(self):
        super().clear()
        if self._kept_prefix and os.path.isdir(self._kept_dir):
            for name in os.listdir(self._kept_dir):
                self._delete(os.path.join(self._kept_dir, name))

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(zlib.compress(pickle.dumps(value, self.pickle_protocol), ZLIB_LEVEL))

    def _cull(self):
        if random.randrange(self.CULL_EVERY) == 0:  # noqa: S311 - not for security
            super()._cull()
