"""Media on local disk, written so that no reader ever sees half a file."""

import errno
import os
import secrets
import tempfile
from pathlib import Path

from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_makedirs

from kronika.security.uploads import safe_file_name

# Filesystems without hard links (FAT, some network shares) answer link() with one of these.
NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP}


def replace_file(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all, readable by its owner only.

    The bytes go to a hidden temporary file beside it and reach the disk before
    it takes the name, so a crash or a full disk never leaves half a file there.
    """
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class AtomicFileSystemStorage(FileSystemStorage):
    """Each file is written beside its final name under a hidden temporary name,
    flushed to disk, and only then given its real name.

    A write that fails part-way (a full disk, an exhausted quota, a killed
    process) therefore never leaves a truncated file under a name a page or a
    database row could point at, and the temporary file is removed at once.
    The real name is taken with a hard link, which fails rather than replacing
    a file another upload took in the meantime; the next free name is tried then.
    """

    def get_valid_name(self, name):
        # Every upload's name passes here, documents and avatars included: the
        # browser's file name becomes one that can only ever be a file name.
        return safe_file_name(name)

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        self._make_directory(directory)
        temporary = os.path.join(directory, f".upload-{secrets.token_hex(8)}.part")
        try:
            self._write_temporary(temporary, content)
            while True:
                try:
                    self._move_into_place(temporary, full_path)
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
        finally:
            # After a hard link the temporary name is a second name for the
            # same file; after a failure it is all that is left of the write.
            if os.path.lexists(temporary):
                os.unlink(temporary)

        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        self._ensure_location_group_id(full_path)
        return os.path.relpath(full_path, self.location).replace("\\", "/")

    def _make_directory(self, directory):
        try:
            if self.directory_permissions_mode is not None:
                safe_makedirs(directory, self.directory_permissions_mode, exist_ok=True)
            else:
                os.makedirs(directory, exist_ok=True)
        except FileExistsError:
            raise FileExistsError(f"{directory} exists and is not a directory.") from None

    def _write_temporary(self, path, content):
        # Mode 0o666 lets the umask decide, as Django's own storage does.
        fd = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
        )
        try:
            for chunk in content.chunks():
                self._write_all(fd, chunk.encode() if isinstance(chunk, str) else chunk)
            # Without this a crash soon after could leave the final name on an empty file.
            os.fsync(fd)
        finally:
            os.close(fd)

    def _write_all(self, fd, data):
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]

    def _move_into_place(self, temporary, full_path):
        if self._allow_overwrite:
            os.replace(temporary, full_path)
            return
        try:
            os.link(temporary, full_path)
        except OSError as error:
            if error.errno not in NO_HARD_LINKS:
                raise
            # Without hard links there is no rename that refuses to replace, so a
            # concurrent upload of the same name could win this narrow gap.
            if os.path.lexists(full_path):
                raise FileExistsError(full_path) from None
            os.rename(temporary, full_path)
