"""The errors of backups and restores, and how to say what went wrong on one line."""

from django.db import DatabaseError


class BackupError(Exception):
    """What stopped a backup or a restore, in words for the person running it."""


class CorruptArchive(BackupError):
    """The archive is damaged or incomplete, or it is not a Kronika backup."""


def reason(error: Exception) -> str:
    """What went wrong, on one line: a BackupError's message, what an OSError (a full
    disk, a missing permission) or the database server says."""
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror} ({error.filename})" if error.filename else error.strerror
    return " ".join(str(error).split())


# What can stop a backup or a restore, all said to the person running it: our own
# refusals, the disk's (full, no permission) and the database server's.
FAILURES = (BackupError, OSError, DatabaseError)
