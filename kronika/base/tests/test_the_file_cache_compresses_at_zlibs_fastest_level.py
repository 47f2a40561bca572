"""The file cache writes values at zlib's fastest level: pages are mostly compressed already."""

import pickle
import tempfile
import zlib
from pathlib import Path

from django.core.cache.backends.filebased import FileBasedCache

from kronika.base.filecache import FileCache


def test_a_value_is_written_at_level_1_and_read_back():
    value = {"identity": b"<p>A page.</p>" * 500, "br": bytes(range(256)) * 20}
    with tempfile.TemporaryDirectory() as directory:
        cache = FileCache(directory, {})
        cache.set("page", value, timeout=None)
        (written,) = Path(directory).glob("*.djcache")
        with open(written, "rb") as file:
            assert pickle.load(file) is None  # noqa: S301 - its own file; kept until deleted
            compressed = file.read()
        assert compressed == zlib.compress(pickle.dumps(value, cache.pickle_protocol), 1)
        assert cache.get("page") == value
        assert FileBasedCache(directory, {}).get("page") == value
