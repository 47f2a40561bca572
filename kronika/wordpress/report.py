"""What an import did, item by item: counts per kind, and everything not carried over fully."""

import json
from collections import Counter, defaultdict
from pathlib import Path

from kronika.base.storage import replace_file

OUTCOMES = ("imported", "updated", "unchanged", "skipped")


class Report:
    def __init__(self, export: str, dry_run: bool):
        self.export = export
        self.dry_run = dry_run
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.skipped: list[dict] = []
        self.incomplete: list[dict] = []
        self.blocks: Counter = Counter()
        self.not_mapped: Counter = Counter()

    def count(self, kind: str, outcome: str) -> None:
        self.counts[kind][outcome] += 1

    def skip(self, kind: str, wp_id, title: str, reason: str) -> None:
        self.counts[kind]["skipped"] += 1
        self.skipped.append({"kind": kind, "id": wp_id, "title": title, "reason": reason})

    def note(self, kind: str, wp_id, title: str, what: str, detail: str) -> None:
        """Something of this item that was not carried over as it was."""
        self.incomplete.append(
            {"kind": kind, "id": wp_id, "title": title, "what": what, "detail": detail}
        )

    def as_dict(self) -> dict:
        return {
            "export": self.export,
            "dry_run": self.dry_run,
            "counts": {
                kind: {outcome: counts[outcome] for outcome in OUTCOMES}
                for kind, counts in sorted(self.counts.items())
            },
            "blocks": [
                {"source": source, "became": target, "count": count}
                for (source, target), count in sorted(self.blocks.items())
            ],
            "not_mapped": [
                {"source": source, "detail": detail, "count": count}
                for (source, detail), count in sorted(self.not_mapped.items())
            ],
            "skipped": self.skipped,
            "incomplete": self.incomplete,
        }

    def lines(self) -> list[str]:
        """The report as the command prints it."""
        lines = ["Dry run: nothing was written." if self.dry_run else "Import complete."]
        width = max((len(kind) for kind in self.counts), default=0)
        for kind, counts in sorted(self.counts.items()):
            figures = ", ".join(f"{counts[outcome]} {outcome}" for outcome in OUTCOMES)
            lines.append(f"  {kind:<{width}}  {figures}")
        if self.blocks:
            lines.append("Content mapped:")
            lines += [
                f"  {source} → {target}: {count}"
                for (source, target), count in sorted(self.blocks.items())
            ]
        if self.not_mapped:
            lines.append("Content not carried over as it was:")
            lines += [
                f"  {source}: {detail} ({count})"
                for (source, detail), count in sorted(self.not_mapped.items())
            ]
        if self.skipped:
            lines.append(f"Skipped ({len(self.skipped)}):")
            lines += [
                f"  {entry['kind']} {entry['id']} “{entry['title']}”: {entry['reason']}"
                for entry in self.skipped
            ]
        if self.incomplete:
            lines.append(f"Not carried over fully ({len(self.incomplete)}):")
            lines += [
                f"  {entry['kind']} {entry['id']} “{entry['title']}”: "
                f"{entry['what']}: {entry['detail']}"
                for entry in self.incomplete
            ]
        return lines

    def save(self, path: Path) -> None:
        """Written whole or not at all: a reader never finds half a report."""
        text = json.dumps(self.as_dict(), ensure_ascii=False, indent=1) + "\n"
        replace_file(path, text.encode())
