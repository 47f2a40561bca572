"""SQLite: a snapshot with the online backup API, and a restore the same way round."""

import sqlite3
from contextlib import closing, contextmanager
from pathlib import Path

from django.db import connection

from kronika.backups.errors import BackupError, CorruptArchive
from kronika.backups.manifest import row_count_difference

TABLES = (
    "SELECT name FROM sqlite_master WHERE type = 'table' "
    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
)


def database_path() -> Path:
    return Path(connection.settings_dict["NAME"])


def _open(path: Path, mode: str = "rw") -> sqlite3.Connection:
    # mode=rw opens an existing database and never creates an empty one by mistake.
    return sqlite3.connect(f"{path.as_uri()}?mode={mode}", uri=True, timeout=60)


@contextmanager
def _sqlite_errors():
    """SQLite's own errors (a full disk, a damaged database) as a BackupError."""
    try:
        yield
    except sqlite3.Error as error:
        raise BackupError(f"SQLite stopped: {error}") from None


def _quoted(name: str) -> str:
    return '"{}"'.format(name.replace('"', '""'))


def _counts(database: sqlite3.Connection) -> dict[str, int]:
    return {
        name: database.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0]  # noqa: S608 - a quoted table name
        for (name,) in database.execute(TABLES).fetchall()
    }


def snapshot(destination: Path) -> dict[str, int]:
    """Copy the live database to `destination`; the row counts of the copy."""
    path = database_path()
    if not path.is_file():
        raise BackupError(f"there is no database at {path}")
    with (
        _sqlite_errors(),
        closing(_open(path)) as live,
        closing(sqlite3.connect(destination)) as copy,
    ):
        # In one step every page is copied inside a single read transaction: a
        # consistent snapshot, which in WAL mode never holds up the site's writers.
        live.backup(copy)
        # A single self-contained file, whatever the live database's journal mode.
        copy.execute("PRAGMA journal_mode=DELETE")
    check(destination)
    with _sqlite_errors(), closing(_open(destination, "ro")) as copy:
        return _counts(copy)


def check(dump: Path, tables: dict[str, int] | None = None) -> None:
    """Raise CorruptArchive unless `dump` passes PRAGMA integrity_check (and holds `tables`)."""
    try:
        with closing(_open(dump, "ro")) as database:
            verdict = [row for (row,) in database.execute("PRAGMA integrity_check")]
            if verdict != ["ok"]:
                raise CorruptArchive(
                    f"the database dump fails SQLite's integrity check ({verdict[0]})"
                )
            difference = tables is not None and row_count_difference(_counts(database), tables)
            if difference:
                raise CorruptArchive(f"in the database dump, {difference}")
    except sqlite3.DatabaseError as error:
        raise CorruptArchive(f"the database dump cannot be read ({error})") from None


def tables_with_rows() -> list[str]:
    path = database_path()
    if not path.is_file():
        return []
    with _sqlite_errors(), closing(_open(path)) as database:
        return [
            name
            for (name,) in database.execute(TABLES).fetchall()
            if database.execute(f"SELECT EXISTS (SELECT 1 FROM {_quoted(name)})").fetchone()[0]  # noqa: S608 - a quoted table name
        ]


def row_counts() -> dict[str, int]:
    with _sqlite_errors(), closing(_open(database_path())) as database:
        return _counts(database)


def restore(dump: Path, tables: dict[str, int], workdir: Path) -> None:
    """Replace the live database with `dump`, in one write transaction.

    Writing through the backup API rather than swapping files means a process
    that still has the database open sees the old one or the new one, never a
    mix or a stale WAL file, and a crash part-way leaves the old one whole.
    """
    connection.close()
    with (
        _sqlite_errors(),
        closing(_open(dump, "ro")) as source,
        closing(sqlite3.connect(database_path(), timeout=60)) as live,
    ):
        source.backup(live)
        live.execute("PRAGMA journal_mode=WAL")
