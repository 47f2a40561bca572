import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from kronika.backups.backing_up import back_up
from kronika.backups.errors import BackupError, reason
from kronika.backups.manifest import contents


class Command(BaseCommand):
    help = (
        "Back up the database, the media and the generated secret key into one archive, "
        "while the site keeps running (docs/backups.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive to write: NAME.tar, or NAME.tar.gz.")

    def handle(self, *args, file, **options):
        started = time.monotonic()
        try:
            manifest, vanished = back_up(Path(file).expanduser().absolute())
        except (BackupError, OSError, DatabaseError) as error:
            raise CommandError(
                f"Cannot back up to {file}: {reason(error)}; no archive was written."
            ) from None
        self.stdout.write(
            f"Backed up {contents(manifest)} to {file} in {time.monotonic() - started:.1f} s."
        )
        if vanished:
            self.stdout.write(
                f"{vanished} media files were deleted by the site while they were being "
                "backed up, and are not in the archive."
            )
