from django.core.management.base import BaseCommand

from kronika.backups.errors import FAILURES, reason
from kronika.backups.manifest import contents
from kronika.backups.restoring import RestoreStopped, restore
from kronika.backups.restoring import check as check_archive
from kronika.base.commands import Stopwatch, given_path, stopping_on


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
        took = Stopwatch()
        path = given_path(file)
        # RestoreStopped is a BackupError with words of its own, so it is caught
        # first, by the inner of the two.
        with (
            stopping_on(
                *FAILURES,
                saying=lambda error: (
                    f"Cannot restore {file}: {reason(error)}; nothing was changed."
                ),
            ),
            stopping_on(
                RestoreStopped, saying=lambda error: f"Restoring {file} stopped: {error}."
            ),
        ):
            if check:
                manifest = check_archive(path)
            else:
                restored = restore(path, force=force)
                manifest = restored.manifest
        taken = f"taken {manifest['created_at']}"
        if check:
            self.stdout.write(f"{file} is sound: {contents(manifest)}, {taken}.")
            return
        self.stdout.write(f"Restored {contents(manifest)} from {file} ({taken}) in {took}.")
        for note in restored.notes:
            self.stdout.write(note)
