import logging
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from kronika.base.commands import Stopwatch, given_path, stopping_on
from kronika.wordpress.importer import ImportRefused, import_export


class Progress:
    """A progress bar on stderr, redrawn a few times a second; plain lines when not a terminal."""

    WIDTH = 30

    def __init__(self, stream, interval: float | None = None):
        self.stream = stream
        self.terminal = stream.isatty()
        self.interval = interval if interval is not None else (0.2 if self.terminal else 10.0)
        self.started = self.shown = time.monotonic()

    def __call__(self, done: int, total: int):
        now = time.monotonic()
        if now - self.shown < self.interval and done < total:
            return
        self.shown = now
        rate = done / max(now - self.started, 1e-6)
        filled = self.WIDTH * done // max(total, 1)
        left = (total - done) / rate if rate else 0
        line = (
            f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} items, "
            f"{rate:.0f}/s, {left:.0f} s left"
        )
        if self.terminal:
            self.stream.write(f"\r{line}" + ("\n" if done >= total else ""))
        else:
            self.stream.write(f"{line}\n")
        self.stream.flush()


@contextmanager
def wagtail_page_log_quietened():
    """Wagtail logs a line for each page created, edited and published: thousands of
    them would bury the progress bar and the report. Its audit log in the database
    keeps every action all the same."""
    wagtail_log = logging.getLogger("wagtail")
    level = wagtail_log.level
    wagtail_log.setLevel(max(level, logging.WARNING))
    try:
        yield
    finally:
        wagtail_log.setLevel(level)


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.0, 1.1 or 1.2): posts, pages, categories, tags, "
        "authors, comments, media and old addresses. All of it or nothing; importing again "
        "updates."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WordPress export file (Tools → Export).")
        parser.add_argument(
            "--media-dir",
            help="The site's wp-content/uploads folder: attachments are found there by name.",
        )
        parser.add_argument(
            "--post-to-telegram",
            action="store_true",
            help="Post newly published articles to the Telegram channels (off: the archive "
            "has been seen there already).",
        )
        parser.add_argument(
            "--staff-accounts",
            action="store_true",
            help="Give each WordPress author a staff account without a usable password.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the full report and write nothing."
        )
        parser.add_argument("--report", help="Also save the report as JSON in this file.")
        parser.add_argument(
            "--language",
            help="The language the posts are written in, one of KRONIKA_LANGUAGES "
            "(default: the first). The paper's home page in it is made if it has none.",
        )

    def handle(self, *args, export, media_dir, post_to_telegram, staff_accounts, dry_run,
               report, language, **options):  # fmt: skip
        report_path = given_path(report) if report else None
        if report_path and not report_path.parent.is_dir():
            raise CommandError(f"Cannot write the report: {report_path.parent} does not exist.")
        took = Stopwatch()
        with (
            wagtail_page_log_quietened(),
            stopping_on(ImportRefused, saying=lambda error: f"Nothing was imported: {error}"),
            stopping_on(
                DatabaseError,
                saying=lambda error: f"Nothing was imported: the database failed: {error}",
            ),
        ):
            result = import_export(
                Path(export).expanduser(),
                media_dir=Path(media_dir).expanduser() if media_dir else None,
                dry_run=dry_run,
                post_to_telegram=post_to_telegram,
                staff_accounts=staff_accounts,
                progress=Progress(sys.stderr),
                language=language,
            )
        for line in result.lines():
            self.stdout.write(line)
        self.stdout.write(f"Took {took}.")
        if report_path:
            with stopping_on(
                OSError, saying=lambda error: f"Cannot write the report {report_path}: {error}"
            ):
                result.save(report_path)
            self.stdout.write(f"Report saved to {report_path}.")
