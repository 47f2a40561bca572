"""Disks that fill up: a storage with a byte budget, and a real tiny tmpfs where allowed."""

import errno
import io
import os
import random
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from unittest import SkipTest

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from kronika.base.storage import AtomicFileSystemStorage
from kronika.missing_tools import reason, tool


class FullDiskStorage(AtomicFileSystemStorage):
    """Local media on a disk with `space_left` bytes free.

    A write past that fails as the kernel's does: the bytes that fit reach the
    file first, then the call raises OSError(`error`).
    """

    def __init__(self, *args, space_left: int, error: int = errno.ENOSPC, **kwargs):
        super().__init__(*args, **kwargs)
        self.space_left = space_left
        self.error = error
        self.bytes_on_disk_when_full = None

    def _write_all(self, fd, data):
        if len(data) <= self.space_left:
            self.space_left -= len(data)
            super()._write_all(fd, data)
            return
        super()._write_all(fd, data[: self.space_left])
        self.space_left = 0
        self.bytes_on_disk_when_full = os.fstat(fd).st_size
        raise OSError(self.error, os.strerror(self.error))


def media_on(
    directory: Path, backend: str = "kronika.base.storage.AtomicFileSystemStorage", **options
):
    """Settings that keep media in `directory` with the given storage."""
    return override_settings(
        MEDIA_ROOT=directory,
        STORAGES={**settings.STORAGES, "default": {"BACKEND": backend, "OPTIONS": options}},
    )


@contextmanager
def tiny_tmpfs(size_kib: int):
    """A tmpfs of `size_kib` KiB, mounted for the duration, or a skip where that is not allowed."""
    if shutil.which("mount") is None:
        raise SkipTest(reason(tool("mount, for a real tmpfs to fill", "apt-get install mount")))
    directory = tempfile.mkdtemp(prefix="kronika-tmpfs-")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0755", "tmpfs", directory],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode:
        os.rmdir(directory)
        raise SkipTest(f"mounting a tmpfs is not allowed here: {mounted.stderr.strip()}")
    try:
        yield Path(directory)
    finally:
        subprocess.run(["umount", directory], check=True)  # noqa: S607
        os.rmdir(directory)


def photo_bytes(size=(600, 400), seed=1) -> bytes:
    """A JPEG of noise, which does not compress: about 250 KB at 600 by 400."""
    noise = random.Random(seed).randbytes(size[0] * size[1] * 3)
    buffer = io.BytesIO()
    Image.frombytes("RGB", size, noise).save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def files_under(directory: Path) -> list[Path]:
    return sorted(path for path in directory.rglob("*") if not path.is_dir())
