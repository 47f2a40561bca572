"""The backup archive: one tar file with a database dump, the media and a manifest.

    database/kronika.sqlite3   a copy made with SQLite's online backup API, or
    database/kronika.pgdump    pg_dump's custom format, from the same snapshot as the row counts
    media/<name>               every file of the default storage, under its storage name
    secret_key                 the key generated in the data directory, when the site runs on it
    manifest.json              last, since it lists the size and SHA-256 of every other member

A .tar.gz or .tgz archive is the same tar, compressed. Reading an archive checks
every member against the manifest (see kronika.backups.manifest), so a changed
byte anywhere is found before anything is restored.
"""

import contextlib
import gzip
import hashlib
import io
import os
import tarfile
import tempfile
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kronika.backups.errors import BackupError, CorruptArchive
from kronika.backups.manifest import MANIFEST, MEDIA, SECRET_KEY, seal, unseal

CHUNK = 1 << 20
# What reading a damaged tar or gzip stream raises, as opposed to errors of the disk we write to.
DAMAGE = (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile)


def compression(path: Path) -> str:
    """tarfile's compression for the file name: "gz" for .tar.gz and .tgz, "" for .tar."""
    if path.name.endswith((".tar.gz", ".tgz")):
        return "gz"
    if path.name.endswith(".tar"):
        return ""
    raise BackupError("the file name must end in .tar, .tar.gz or .tgz")


class _Hashing:
    """Hands a file's bytes to tarfile, hashing them on the way."""

    def __init__(self, file):
        self.file = file
        self.sha256 = hashlib.sha256()

    def read(self, size=-1) -> bytes:
        data = self.file.read(size)
        self.sha256.update(data)
        return data


class ArchiveWriter:
    """Writes an archive under a temporary name beside its path; only `commit` names it.

    Whatever stops the backup before then removes the temporary file, so there is
    never a partial archive, and an older archive of the same name stays whole.
    """

    def __init__(self, path: Path):
        self.path = path
        self.members: dict[str, dict] = {}
        self.mtime = int(time.time())
        kind = compression(path)
        # mkstemp makes the file readable by its owner only: the archive holds
        # password hashes, bot tokens and perhaps the secret key.
        descriptor, name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part"
        )
        self._temporary = Path(name)
        self._file = os.fdopen(descriptor, "wb")
        self._tar = None
        try:
            self._tar = tarfile.open(  # noqa: SIM115 - closed by commit or _discard
                fileobj=self._file,
                mode=f"w:{kind}",
                format=tarfile.PAX_FORMAT,
                **({"compresslevel": 6} if kind else {}),
            )
        except BaseException:
            self._discard()
            raise

    def __enter__(self) -> "ArchiveWriter":
        return self

    def __exit__(self, kind, error, traceback):
        if self._temporary.exists():
            self._discard()

    def add(self, name: str, file, size: int) -> None:
        """Add `size` bytes read from `file`; tarfile fails if the file holds fewer."""
        reader = _Hashing(file)
        self._tar.addfile(self._info(name, size), reader)
        self.members[name] = {"size": size, "sha256": reader.sha256.hexdigest()}

    def add_path(self, name: str, path: Path) -> None:
        with open(path, "rb") as file:
            self.add(name, file, os.fstat(file.fileno()).st_size)

    def commit(self, manifest: dict) -> None:
        data = seal(manifest)
        self._tar.addfile(self._info(MANIFEST, len(data)), io.BytesIO(data))
        self._tar.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.replace(self._temporary, self.path)
        _fsync_directory(self.path.parent)

    def _info(self, name: str, size: int) -> tarfile.TarInfo:
        info = tarfile.TarInfo(name)
        info.size = size
        info.mode = 0o600
        info.mtime = self.mtime
        return info

    def _discard(self):
        # Closing can fail as the writing did (a full disk); the archive goes either way,
        # and the error that stopped the backup is the one to report.
        with contextlib.suppress(OSError, *DAMAGE):
            if self._tar is not None:
                self._tar.close()
        with contextlib.suppress(OSError):
            self._file.close()
        self._temporary.unlink(missing_ok=True)


def _fsync_directory(path: Path) -> None:
    """Make a rename in `path` survive a power cut."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@dataclass
class Backup:
    """An archive whose every member matched its manifest, unpacked into a staging directory."""

    manifest: dict
    files: dict[str, Path]
    staging: Path

    @property
    def vendor(self) -> str:
        return self.manifest["database"]["vendor"]

    @property
    def tables(self) -> dict[str, int]:
        return self.manifest["database"]["tables"]

    @property
    def database(self) -> Path:
        return self.files[self.manifest["database"]["member"]]

    def media(self) -> list[tuple[str, Path, str]]:
        """(storage name, staged file, SHA-256) of each media file, in name order."""
        members = self.manifest["members"]
        return sorted(
            (name[len(MEDIA) :], path, members[name]["sha256"])
            for name, path in self.files.items()
            if name.startswith(MEDIA)
        )

    def secret_key(self) -> bytes | None:
        path = self.files.get(SECRET_KEY)
        return path.read_bytes() if path else None


@contextmanager
def unpacked(path: Path, staging_parent: Path):
    """Yield the archive at `path` as a Backup, or raise CorruptArchive having changed nothing."""
    with tempfile.TemporaryDirectory(dir=staging_parent, prefix=".kronika-restore-") as staging:
        yield _unpack(path, Path(staging))


def _unpack(path: Path, staging: Path) -> Backup:
    if path.is_dir():
        raise BackupError("it is a directory")
    try:
        archive = tarfile.open(path, "r:*")  # noqa: SIM115 - closed by the with below
    except FileNotFoundError:
        raise BackupError("there is no such file") from None
    except DAMAGE:
        raise CorruptArchive("it is not a Kronika backup: it is not a tar archive") from None
    digests: dict[str, tuple[str, int]] = {}
    files: dict[str, Path] = {}
    with archive:
        try:
            for index, info in enumerate(archive):
                if info.name in files:
                    raise CorruptArchive(f"it is damaged: it holds {info.name} twice")
                if not info.isfile():
                    raise CorruptArchive(f"it is damaged: {info.name} is not a regular file")
                # Staged under a number, so no name in the archive can point outside.
                files[info.name] = staging / f"{index:06d}"
                digests[info.name] = _copy(archive.extractfile(info), files[info.name])
        except DAMAGE as error:
            raise CorruptArchive(
                f"it is damaged: it ends early or cannot be read ({error})"
            ) from None
    if MANIFEST not in files:
        raise CorruptArchive(
            "it has no manifest: it is incomplete, damaged, or not a Kronika backup"
        )
    manifest = unseal(files.pop(MANIFEST).read_bytes())
    listed = manifest["members"]
    for name in files:
        if name not in listed:
            raise CorruptArchive(
                f"it is damaged: it holds {name}, which its manifest does not list"
            )
    for name, entry in sorted(listed.items()):
        if name not in files:
            raise CorruptArchive(f"it is incomplete: {name} is missing")
        if digests[name] != (entry["sha256"], entry["size"]):
            raise CorruptArchive(f"it is damaged: {name} does not match its checksum")
    return Backup(manifest, files, staging)


def _copy(source, destination: Path) -> tuple[str, int]:
    """Copy a member out, returning its SHA-256 and size."""
    digest = hashlib.sha256()
    size = 0
    with open(destination, "wb") as target:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            target.write(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
