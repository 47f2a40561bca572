"""Taking a backup: the database snapshot first, then the media, then the manifest."""

import io
import tempfile
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.db import connection

from kronika.backups import media, secret_key
from kronika.backups.archive import ArchiveWriter
from kronika.backups.databases import engine
from kronika.backups.errors import BackupError
from kronika.backups.manifest import DATABASE_MEMBERS, FORMAT, SECRET_KEY, VERSION


def _kronika_version() -> str:
    try:
        return version("kronika")
    except PackageNotFoundError:
        return "unknown"


def back_up(path: Path) -> tuple[dict, int]:
    """Write the site's backup to `path`: its manifest, and how many media files vanished
    between being listed and being read (deleted by the site meanwhile)."""
    if not path.parent.is_dir():
        raise BackupError(f"the directory {path.parent} does not exist")
    vendor = connection.vendor
    with (
        ArchiveWriter(path) as writer,
        tempfile.TemporaryDirectory(dir=path.parent, prefix=f".{path.name}.") as workdir,
    ):
        dump = Path(workdir) / "database"
        tables = engine(vendor).snapshot(dump)
        writer.add_path(DATABASE_MEMBERS[vendor], dump)
        dump.unlink()
        # Media after the snapshot: a file is stored before the row naming it is
        # committed, so every file the snapshot names is there to be read now.
        vanished = media.back_up(writer)
        key = secret_key.generated()
        if key is not None:
            writer.add(SECRET_KEY, io.BytesIO(key), len(key))
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "software": {
                "kronika": _kronika_version(),
                "django": django.get_version(),
                "wagtail": wagtail.__version__,
            },
            "database": {
                "vendor": vendor,
                "member": DATABASE_MEMBERS[vendor],
                "tables": tables,
            },
            "secret_key_id": secret_key.key_id(settings.SECRET_KEY),
            "members": writer.members,
        }
        writer.commit(manifest)
    return manifest, vanished
