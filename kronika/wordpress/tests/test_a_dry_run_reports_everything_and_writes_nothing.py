import json
from pathlib import Path

from django.conf import settings
from PIL import Image

from kronika.wordpress.tests.exports import (
    ImportTestCase,
    comment,
    export,
    item,
    row_counts,
    run_import_command,
)


class ADryRunReportsEverythingAndWritesNothing(ImportTestCase):
    def test_it_prints_and_saves_the_full_report_and_writes_nothing(self):
        media = self.folder / "uploads"
        media.mkdir()
        Image.new("RGB", (64, 48), "#123456").save(media / "photo.jpg")
        path = self.write(
            export(
                item(1, "Story", comments=[comment(1, "Hi.")], meta={"_thumbnail_id": 5}),
                item(2, "Private story", status="private"),
                item(5, "Photo", kind="attachment", status="inherit", categories=(),
                     attachment_url="https://paper.example.org/wp-content/uploads/photo.jpg"),
            )
        )  # fmt: skip
        stored = sorted(path.name for path in self.media_root().rglob("*") if path.is_file())
        before = row_counts()
        report = self.folder / "report.json"
        output = run_import_command(
            path, "--dry-run", "--media-dir", str(media), "--report", str(report)
        )
        self.assertEqual(row_counts(), before)
        after = sorted(path.name for path in self.media_root().rglob("*") if path.is_file())
        self.assertEqual(after, stored)
        self.assertIn("Dry run: nothing was written.", output)
        self.assertRegex(output, r"post +2 imported")
        saved = json.loads(report.read_text())
        self.assertTrue(saved["dry_run"])
        self.assertEqual(saved["counts"]["post"]["imported"], 2)
        self.assertEqual(saved["counts"]["comment"]["imported"], 1)
        self.assertEqual(saved["counts"]["attachment"]["imported"], 1)
        self.assertEqual(saved["incomplete"][0]["what"], "private")

    def media_root(self):
        root = Path(settings.MEDIA_ROOT)
        root.mkdir(parents=True, exist_ok=True)
        return root
