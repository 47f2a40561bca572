"""Uploading as an editor does in the admin, through any transport that can POST.

The same code drives the Django test client and a real server over HTTP: the
single "Add an image/document" forms, and the multiple upload (including its
second step, when it keeps a file aside until its form is completed).
"""

import html
import json
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wagtail.models import Collection

from kronika.base.tests.full_disk import media_on
from kronika.security.tests.hostile_files import IMAGE, multipart
from kronika.testing import KronikaTestCase

REFUSED, ACCEPTED = "refused", "accepted"


@dataclass
class Response:
    status: int
    text: str


@dataclass
class Outcome:
    result: str
    status: int
    message: str = ""
    object_id: int | None = None


ADD = {IMAGE: "/admin/images/add/", "document": "/admin/documents/add/"}
ADD_MULTIPLE = {IMAGE: "/admin/images/multiple/add/", "document": "/admin/documents/multiple/add/"}
FROM_UPLOAD = {
    IMAGE: ("/admin/images/multiple/create_from_uploaded_image/{}/", "uploaded-image", "image_id"),
    "document": (
        "/admin/documents/multiple/create_from_uploaded_document/{}/",
        "uploaded-document",
        "doc_id",
    ),
}
ERROR = re.compile(r'class="error-message"[^>]*>(.*?)</', re.S)
# Kronika's own error pages (400, 413, ...) say what went wrong here.
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


class Uploader:
    """`post(path, body, content_type) -> Response` sends one request as the signed-in editor."""

    def __init__(self, post: Callable[[str, bytes, str], Response], collection: int, csrf=""):
        self.post = post
        self.collection = str(collection)
        self.csrf = {"csrfmiddlewaretoken": csrf} if csrf else {}

    def upload(
        self, library: str, name: str, data: bytes, *, multiple: bool, hold=False
    ) -> Outcome:
        """`hold`: send a title too long to be kept, so that the multiple upload keeps
        the file aside until its form is completed, as it does when a field fails."""
        if multiple:
            return self._multiple(library, name, data, hold)
        fields = {**self.csrf, "title": "An upload", "collection": self.collection}
        body, content_type = multipart(fields, "file", name, data)
        response = self.post(ADD[library], body, content_type)
        if response.status == 302:
            return Outcome(ACCEPTED, 302)
        if response.status == 200:
            errors = [_text(error) for error in ERROR.findall(response.text)]
            return Outcome(REFUSED, 200, " ".join(errors))
        return _refused_by_the_server(response)

    def _multiple(self, library, name, data, hold) -> Outcome:
        fields = {**self.csrf, **({"title": "t" * 300} if hold else {})}
        body, content_type = multipart(fields, "files[]", name, data)
        response = self.post(ADD_MULTIPLE[library], body, content_type)
        if response.status != 200:
            return _refused_by_the_server(response)
        answer = json.loads(response.text)
        path, prefix, id_key = FROM_UPLOAD[library]
        if not answer["success"]:
            return Outcome(REFUSED, 200, answer.get("error_message", ""))
        if id_key in answer:
            return Outcome(ACCEPTED, 200, object_id=answer[id_key])
        # Kept aside: the file passed, another field did not. The editor completes the form.
        upload = answer["uploaded_file_id"]
        fields = {
            **self.csrf,
            f"{prefix}-{upload}-title": "Completed upload",
            f"{prefix}-{upload}-collection": self.collection,
        }
        body, content_type = multipart(fields)
        response = self.post(path.format(upload), body, content_type)
        answer = json.loads(response.text) if response.status == 200 else {}
        if answer.get("success"):
            return Outcome(ACCEPTED, 200, object_id=answer[id_key])
        return Outcome("failed", response.status, response.text[:300])


class UploadTestCase(KronikaTestCase):
    """The editor signed in, with media in a folder of the test's own beside an empty canary."""

    def setUp(self):
        self.site = Path(tempfile.mkdtemp(prefix="kronika-uploads-"))
        self.addCleanup(shutil.rmtree, self.site)
        self.media = self.site / "media"
        self.canary = self.site / "canary"
        self.media.mkdir()
        self.canary.mkdir()
        self.enterContext(media_on(self.media))
        self.client.force_login(self.editor)
        self.uploader = Uploader(self.post, Collection.get_first_root_node().pk)

    def post(self, path, body, content_type) -> Response:
        response = self.client.generic(
            "POST", path, body, content_type=content_type, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
        )
        return Response(response.status_code, response.content.decode(errors="replace"))

    def upload(self, library, name, data, *, multiple=False, hold=False) -> Outcome:
        return self.uploader.upload(library, name, data, multiple=multiple, hold=hold)


def _refused_by_the_server(response: Response) -> Outcome:
    """A 4xx page is a refusal; anything else (a 500 above all) is a failure."""
    if 400 <= response.status < 500 and response.status not in (403, 404):
        description = DESCRIPTION.search(response.text)
        return Outcome(
            REFUSED, response.status, _text(description.group(1)) if description else ""
        )
    return Outcome("failed", response.status, response.text[:300])


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def allows_nothing(policy: str) -> bool:
    """Whether a Content-Security-Policy starts from "default-src 'none'" and relaxes nothing."""
    directives = dict([*part.split(None, 1), ""][:2] for part in policy.split(";") if part.strip())
    return directives.get("default-src") == "'none'" and all(
        value.strip() == "'none'" for value in directives.values()
    )
