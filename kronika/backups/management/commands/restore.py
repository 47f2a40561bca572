import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from kronika.backups.errors import BackupError, reason
from kronika.backups.manifest import contents
from kronika.backups.restoring import RestoreStopped, restore
from kronika.backups.restoring import check as check_archive


class Command(BaseCommand):
    help = (
        "Restore an archive written by `kronika backup` into an empty site, after checking "
        "all of it (docs/backups.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive written by `kronika backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database and media files even though the site has content.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only verify the archive (checksums and the database dump); change nothing.",
        )

    def handle(self, *args, file, force, check, **options):
        started = time.monotonic()
        path = Path(file).expanduser().absolute()
        try:
            if check:
                manifest = check_archive(path)
            else:
                restored = restore(path, force=force)
                manifest = restored.manifest
        except RestoreStopped as error:
            raise CommandError(f"Restoring {file} stopped: {error}.") from None
        except (BackupError, OSError, DatabaseError) as error:
            raise CommandError(
                f"Cannot restore {file}: {reason(error)}; nothing was changed."
            ) from None
        taken = f"taken {manifest['created_at']}"
        if check:
            self.stdout.write(f"{file} is sound: {contents(manifest)}, {taken}.")
            return
        self.stdout.write(
            f"Restored {contents(manifest)} from {file} ({taken}) "
            f"in {time.monotonic() - started:.1f} s."
        )
        for note in restored.notes:
            self.stdout.write(note)
