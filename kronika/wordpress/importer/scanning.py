"""The first pass: the whole export read once, before anything is written.

A broken or truncated export is refused here, and the attachments are known
before any post names them.
"""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kronika.wordpress import wxr
from kronika.wordpress.markup import plain
from kronika.wordpress.media import Attachment, upload_path


@dataclass
class Scan:
    header: wxr.Header
    attachments: dict[int, Attachment]
    items: Counter


def scan(path: Path) -> Scan:
    """Read the whole export once: it must be complete before anything is imported."""
    header = None
    attachments = {}
    items = Counter()
    with path.open("rb") as file:
        for entry in wxr.read(file):
            if isinstance(entry, wxr.Header):
                header = entry
                continue
            items[entry.post_type] += 1
            if entry.post_type == "attachment":
                attachments[entry.post_id] = Attachment(
                    post_id=entry.post_id,
                    title=plain(entry.title),
                    url=entry.attachment_url,
                    path=entry.meta.get("_wp_attached_file") or upload_path(entry.attachment_url),
                    alt=entry.meta.get("_wp_attachment_image_alt", ""),
                    caption=plain(entry.excerpt),
                )
    return Scan(header=header, attachments=attachments, items=items)
