"""Importing a WordPress export into the paper, all of it or nothing.

The file is read twice as a stream. The first pass checks the whole file and
learns where the attachments are, so a broken or truncated export is refused
before anything is written. The second pass imports, inside one transaction:
authors, categories as sections, tags, then each post, page and attachment
in file order, with comments and redirects from the old addresses.

Every object made is remembered in ImportedItem under WordPress's own id,
with a fingerprint of what it was made from. A second import of the same
file finds everything unchanged, and a newer export updates what changed.

The first pass is scanning.py. The second is the Importer (core.py), which
keeps that bookkeeping and hands each kind of item to a class of its own:
authors.py, terms.py (categories as sections, and tags), articles.py (posts),
pages.py, comments.py and redirects.py; publishing.py holds what posts and
pages share on their way to becoming pages.
"""

from contextlib import nullcontext
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction

from kronika.news.signal_handlers import bulk_publishing
from kronika.pagecache.store import invalidating_everything_once
from kronika.wordpress import wxr
from kronika.wordpress.importer.core import Importer, ImportRefused
from kronika.wordpress.importer.scanning import Scan, scan
from kronika.wordpress.indexing import indexing_afterwards
from kronika.wordpress.report import Report

__all__ = ["ImportRefused", "Importer", "Scan", "import_export", "scan"]


def import_export(
    path: Path,
    *,
    media_dir: Path | None = None,
    dry_run: bool = False,
    post_to_telegram: bool = False,
    staff_accounts: bool = False,
    progress=None,
    language: str | None = None,
) -> Report:
    """Import a WordPress export into the paper, its posts as articles in `language`.

    `language` is one of KRONIKA_LANGUAGES, the first by default.
    """
    language = language or settings.LANGUAGE_CODE
    if language not in settings.KRONIKA_LANGUAGES:
        raise ImportRefused(
            f"{language!r} is not one of the paper's languages "
            f"(KRONIKA_LANGUAGES: {', '.join(settings.KRONIKA_LANGUAGES)})"
        )
    path = Path(path)
    try:
        scanned = scan(path)
    except OSError as error:
        raise ImportRefused(f"{path}: {error.strerror or error}") from None
    except wxr.ExportError as error:
        raise ImportRefused(f"{path}: {error}") from None
    if media_dir is not None:
        media_dir = Path(media_dir).resolve()
        if not media_dir.is_dir():
            raise ImportRefused(f"{media_dir}: the media folder does not exist")
    importer = Importer(scanned, path, media_dir, staff_accounts, dry_run, progress, language)
    try:
        with _telegram_held_back(not post_to_telegram), transaction.atomic():
            with (
                invalidating_everything_once(),
                bulk_publishing(in_background=True),
                indexing_afterwards(),
            ):
                importer.run()
            if dry_run:
                transaction.set_rollback(True)
    except wxr.ExportError as error:
        # The file changed between the two passes, as one still being copied does.
        importer.media.discard_written()
        raise ImportRefused(f"{path}: {error}") from None
    except BaseException:
        importer.media.discard_written()
        raise
    if dry_run:
        importer.media.discard_written()
    return importer.report


def _telegram_held_back(held_back: bool):
    """Publish without posting to Telegram, where it is installed (KRONIKA_FEATURES)."""
    if not held_back or not apps.is_installed("kronika.telegram"):
        return nullcontext()
    from kronika.telegram import outbox

    return outbox.posting_suspended()
