"""The media, read and written through the default storage, so that backups work the
same whether the files are on local disk or objects in an S3-compatible bucket."""

import hashlib
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage

from kronika.backups.archive import CHUNK, ArchiveWriter
from kronika.backups.errors import BackupError
from kronika.backups.manifest import MEDIA


def names() -> list[str]:
    """Every file in the storage, by the name the database knows it by.

    Hidden files are left out: they are uploads still being written under a
    temporary name (see kronika.base.storage), which no row points at.
    """
    return sorted(_walk(""))


def _walk(directory: str):
    try:
        folders, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return  # no media yet, or a folder removed while we looked
    for name in files:
        if not name.startswith("."):
            yield f"{directory}/{name}" if directory else name
    for folder in folders:
        if not folder.startswith("."):
            yield from _walk(f"{directory}/{folder}" if directory else folder)


def back_up(writer: ArchiveWriter) -> int:
    """Add every media file to the archive; the number deleted before they could be read."""
    vanished = 0
    for name in names():
        try:
            size = default_storage.size(name)
            file = default_storage.open(name, "rb")
        except FileNotFoundError:
            vanished += 1
            continue
        with file:
            writer.add(MEDIA + name, file, size)
    return vanished


def restore(files: list[tuple[str, Path, str]]) -> None:
    """Write each (name, staged path, SHA-256) into the storage under exactly that name.

    A file already there with the same bytes is left alone, so restoring over the
    same site does not rewrite every picture it still has.
    """
    for name, path, sha256 in files:
        if default_storage.exists(name):
            if _holds(name, path.stat().st_size, sha256):
                continue
            # Storages give a taken name a suffix rather than overwrite it.
            default_storage.delete(name)
        with open(path, "rb") as handle:
            saved = default_storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(f"the storage kept {name} as {saved}")


def _holds(name: str, size: int, sha256: str) -> bool:
    if default_storage.size(name) != size:
        return False
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest() == sha256
