from django.core.management.base import BaseCommand

from kronika.backups.backing_up import back_up
from kronika.backups.errors import FAILURES, reason
from kronika.backups.manifest import contents
from kronika.base.commands import Stopwatch, given_path, stopping_on


class Command(BaseCommand):
    help = (
        "Back up the database, the media and the generated secret key into one archive, "
        "while the site keeps running (docs/backups.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive to write: NAME.tar, or NAME.tar.gz.")

    def handle(self, *args, file, **options):
        took = Stopwatch()
        with stopping_on(
            *FAILURES,
            saying=lambda error: (
                f"Cannot back up to {file}: {reason(error)}; no archive was written."
            ),
        ):
            manifest, vanished = back_up(given_path(file))
        self.stdout.write(f"Backed up {contents(manifest)} to {file} in {took}.")
        if vanished:
            self.stdout.write(
                f"{vanished} media files were deleted by the site while they were being "
                "backed up, and are not in the archive."
            )
