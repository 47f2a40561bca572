"""Issue 9, acceptance 7: 200 hostile files through the admin's upload endpoints, as an editor.

Script SVGs, polyglots, decompression bombs, huge and truncated pictures,
files that are not what their names say, zip bombs and scripted PDFs, and
names such as `../../x.jpg`, go alternately through the single and the
multiple upload (half of those through its second step, after the file was
kept aside). Each is refused with a readable error or accepted, never a
server error; whatever is accepted is stored re-encoded (pictures) or as sent
(documents), under a safe name inside the media root, and a canary directory
beside the media root stays empty.
"""

import io
import re
from collections import Counter
from pathlib import Path

from PIL import Image
from wagtail.documents.models import Document
from wagtail.models import UploadedFile

from kronika.base.models import KronikaImage
from kronika.security.tests.hostile_files import IMAGE, MARKERS, hostile_files
from kronika.security.tests.uploading import (
    ACCEPTED,
    REFUSED,
    UploadTestCase,
    allows_nothing,
)
from kronika.security.uploads import FORMATS

SAFE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")
DOCUMENT_EXTENSIONS = {"pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv"}


class HostileUploadsTests(UploadTestCase):
    def test_each_is_refused_or_stored_harmless_and_nothing_lands_outside_the_media_root(self):
        files = hostile_files()
        outcomes = Counter()
        problems = []
        for number, hostile in enumerate(files):
            images, documents = _latest(KronikaImage), _latest(Document)
            # Even numbers through the single form, odd ones through the multiple
            # upload, every other one of those kept aside before it is completed.
            outcome = self.upload(
                hostile.library,
                hostile.name,
                hostile.data,
                multiple=number % 2 == 1,
                hold=number % 4 == 3,
            )
            outcomes[hostile.category, outcome.result] += 1
            label = f"#{number} {hostile.category} {hostile.name[:60]!r}"
            if outcome.result != hostile.expected:
                problems.append(f"{label}: {outcome.result} ({outcome.status}) {outcome.message}")
                continue
            if outcome.result == REFUSED:
                problems += self.check_refused(label, outcome, images, documents)
            elif hostile.library == IMAGE:
                problems += self.check_stored_picture(
                    label, hostile, KronikaImage.objects.latest("pk")
                )
            else:
                problems += self.check_stored_document(
                    label, hostile, Document.objects.latest("pk")
                )

        print("\nOutcomes:", dict(sorted(outcomes.items())))
        self.assertEqual(problems, [], "\n".join(problems))
        self.assertEqual(sum(outcomes.values()), 200)
        self.assertEqual(
            sum(n for (_, result), n in outcomes.items() if result == ACCEPTED),
            KronikaImage.objects.count() + Document.objects.count(),
        )
        self.assertFalse(UploadedFile.objects.exists(), "every file kept aside was completed")
        self.assert_nothing_outside_the_media_root()

    def check_refused(self, label, outcome, images, documents) -> list[str]:
        problems = []
        if len(outcome.message) < 20 or "Traceback" in outcome.message:
            problems.append(f"{label}: refused without a readable message: {outcome.message!r}")
        if (_latest(KronikaImage), _latest(Document)) != (images, documents):
            problems.append(f"{label}: refused, yet a row was written")
        return problems

    def check_stored_picture(self, label, hostile, image) -> list[str]:
        stored = self.media / image.file.name
        data = stored.read_bytes()
        problems = [f"{label}: stored picture keeps {m!r}" for m in MARKERS if m in data]
        picture = Image.open(io.BytesIO(data))
        if picture.format not in FORMATS or stored.suffix != f".{FORMATS[picture.format]}":
            problems.append(f"{label}: stored as {stored.name} but is {picture.format}")
        kept = {"exif", "comment", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(picture.info)
        if kept or picture.getexif():
            problems.append(f"{label}: metadata kept: {sorted(kept)}")
        picture.load()
        if hostile.category == "polyglot" and not any(m in hostile.data for m in MARKERS):
            problems.append(f"{label}: the test file itself carries no payload")
        return problems + self.check_name(label, image.file.name, "original_images")

    def check_stored_document(self, label, hostile, document) -> list[str]:
        stored = self.media / document.file.name
        problems = [] if stored.read_bytes() == hostile.data else [f"{label}: bytes changed"]
        if stored.suffix.lstrip(".") not in DOCUMENT_EXTENSIONS:
            problems.append(f"{label}: stored as {stored.name}")
        response = self.client.get(document.url)
        headers = (
            response.status_code,
            response["Content-Disposition"].split(";")[0],
            allows_nothing(response["Content-Security-Policy"]),
            response["X-Content-Type-Options"],
        )
        if headers != (200, "attachment", True, "nosniff"):
            problems.append(f"{label}: served with {headers}")
        b"".join(response.streaming_content)
        return problems + self.check_name(label, document.file.name, "documents")

    def check_name(self, label, name, folder) -> list[str]:
        path = Path(name)
        resolved = (self.media / path).resolve()
        if (
            len(path.parts) != 2
            or path.parts[0] != folder
            or not SAFE_NAME.fullmatch(path.name)
            or ".." in path.name
            or not resolved.is_relative_to(self.media.resolve())
        ):
            return [f"{label}: stored under the unsafe name {name!r}"]
        return []

    def assert_nothing_outside_the_media_root(self):
        self.assertEqual(list(self.canary.iterdir()), [], "the canary beside the media root")
        outside = [p for p in self.site.rglob("*") if not p.is_relative_to(self.media)]
        self.assertEqual(outside, [self.canary])
        names = [p.relative_to(self.media) for p in self.media.rglob("*")]
        self.assertTrue(names, "something was stored")
        for name in names:
            self.assertRegex(name.name, SAFE_NAME, name)
            self.assertNotIn("..", str(name))
        folders = {name.parts[0] for name in names}
        self.assertLessEqual(
            folders, {"original_images", "images", "documents", "wagtail_uploads"}
        )


def _latest(model) -> int | None:
    return model.objects.order_by("-pk").values_list("pk", flat=True).first()
