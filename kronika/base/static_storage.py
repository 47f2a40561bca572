"""Static files with hashed names, each compressed once, when it is collected.

WhiteNoise's storage writes a .br and a .gz copy beside every text file, which
`kronika.static_files` (or nginx's gzip_static) sends to clients that accept
them. `kronika serve` collects at every start, and compressing Wagtail's
admin scripts with brotli's best quality takes half a minute of CPU, so only
what is new is compressed:

- only hashed names: pages and stylesheets refer to static files by them
  alone (ManifestStaticFilesStorage);
- a hashed name whose compressed copy is there already is skipped: the name
  comes from the content, so the copy is of the same content. Copies are
  written whole or not at all, so one cut short by a crash is never kept.
"""

import os
import re

from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage

from kronika.base.storage import replace_file

HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.[^./]+$")


class WholeFileCompressor(Compressor):
    def write_data(self, path, data, suffix, stat_result):
        filename = path + suffix
        replace_file(filename, data)
        os.chmod(filename, 0o644)
        os.utime(filename, (stat_result.st_atime, stat_result.st_mtime))
        return filename


class CompressedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def create_compressor(self, **kwargs):
        return WholeFileCompressor(**kwargs)

    def compress_files(self, paths):
        new = [name for name in paths if HASHED_NAME.search(name) and not self.compressed(name)]
        return super().compress_files(new)

    def compressed(self, name: str) -> bool:
        path = self.path(name)
        return os.path.exists(path + ".br") or os.path.exists(path + ".gz")
