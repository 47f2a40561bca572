"""Restoring a backup: verify all of it, then the media, the database and the key.

Nothing is changed until every member has matched its checksum and the database
dump has passed its check. Media go first and the database last, so a restore
stopped part-way leaves the old database, which only names files it already had.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection

from kronika.backups import media, secret_key
from kronika.backups.archive import Backup, unpacked
from kronika.backups.databases import engine
from kronika.backups.errors import BackupError, reason
from kronika.backups.manifest import counted, row_count_difference
from kronika.pagecache.store import page_cache


class RestoreStopped(BackupError):
    """A restore that failed after it had started changing the site; the message says what."""


@dataclass
class Restored:
    manifest: dict
    notes: list[str] = field(default_factory=list)


def check(path: Path) -> dict:
    """Verify the archive at `path` as a restore would, changing nothing; its manifest."""
    with unpacked(path, settings.DATA_DIR) as backup:
        engine(backup.vendor).check(backup.database, backup.tables)
        return backup.manifest


def restore(path: Path, *, force: bool) -> Restored:
    with unpacked(path, settings.DATA_DIR) as backup:
        if backup.vendor != connection.vendor:
            raise BackupError(
                f"it holds a {backup.vendor} database and this site runs on {connection.vendor}; "
                "restore it into a site with the same kind of database"
            )
        database = engine(backup.vendor)
        database.check(backup.database, backup.tables)
        if not force:
            _refuse_a_site_with_content(database)
        return _apply(backup, database)


def _refuse_a_site_with_content(database) -> None:
    tables = database.tables_with_rows()
    files = media.names()
    held = []
    if tables:
        held.append(f"the database holds data (rows in {counted(len(tables), 'table')})")
    if files:
        held.append(f"the media storage holds {counted(len(files), 'file')}")
    if held:
        raise BackupError(" and ".join(held) + "; pass --force to replace them")


def _apply(backup: Backup, database) -> Restored:
    files = backup.media()
    try:
        media.restore(files)
    except (BackupError, OSError, DatabaseError) as error:
        raise RestoreStopped(
            f"{reason(error)}; the database is unchanged, but some of the backup's media "
            "files were already written"
        ) from None
    try:
        database.restore(backup.database, backup.tables, backup.staging)
    except (BackupError, OSError, DatabaseError) as error:
        written = "; the backup's media files were written" if files else ""
        raise RestoreStopped(f"{reason(error)}; the database is unchanged{written}") from None
    restored = Restored(backup.manifest)
    try:
        restored.notes += _restore_secret_key(backup)
        # Cached pages and sessions describe the database that was just replaced.
        page_cache.clear()
        caches["default"].clear()
        found = database.row_counts()
    except (BackupError, OSError, DatabaseError) as error:
        raise RestoreStopped(
            f"the database and media were restored, but then {reason(error)}"
        ) from None
    difference = row_count_difference(found, backup.tables)
    if difference:
        raise RestoreStopped(f"the database was restored, but then {difference}")
    return restored


def _restore_secret_key(backup: Backup) -> list[str]:
    key = backup.secret_key()
    if key is not None and secret_key.generated() is not None:
        secret_key.install(key)
        return []
    if secret_key.key_id(settings.SECRET_KEY) == backup.manifest["secret_key_id"]:
        return []
    return [
        "This site's secret key is not the backed-up site's, so sessions, signed cookies and "
        "readers' fingerprints (blocked commenters, flood limits) do not carry over; set "
        "KRONIKA_SECRET_KEY to the old key to keep them."
    ]
