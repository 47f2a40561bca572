"""The database side of a backup, for the database the site runs on.

Each engine module offers the same functions: snapshot(destination) -> row counts,
check(dump, tables), tables_with_rows(), row_counts() and restore(dump, tables, workdir).
"""

from types import ModuleType

from django.db import connection

from kronika.backups.errors import BackupError


def engine(vendor: str | None = None) -> ModuleType:
    """The engine for `vendor`, by default the site's own database."""
    vendor = vendor or connection.vendor
    if vendor == "sqlite":
        from kronika.backups import sqlite

        return sqlite
    if vendor == "postgresql":
        from kronika.backups import postgres

        return postgres
    raise BackupError(f"Kronika cannot back up or restore a {vendor} database")
