"""Uploaded media on local disk, served by the app when nothing in front serves them.

`kronika serve` on its own sends /media/ through here rather than through
granian's static files, because granian cannot add headers: every file goes out
with the headers every response carries (nosniff, HSTS, ...) and a policy that
keeps an upload from acting as a page. An upload that is really HTML, or an
SVG with a script, runs nothing, loads nothing and gets no origin of its own
(sandbox). deploy/nginx.conf serves the same files with the same policy.

Document files are not served here: Wagtail's /documents/ view checks the
privacy of their collection first.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils._os import safe_join
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

from kronika.media_storage import OBJECT_CACHE_CONTROL

# img-src: a browser shows a picture opened on its own as a page of that picture.
MEDIA_POLICY = (
    "default-src 'none'; img-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'; sandbox"
)
# Files the multiple upload keeps aside until their form is completed
# (wagtail_uploads) belong to the editor who sent them, not to readers.
PRIVATE_FOLDERS = {"documents", "wagtail_uploads"}
# What browsers fetch without credentials: pictures (KronikaImage), their
# renditions, and staff avatars (shown in the admin). Only these may be public
# in a bucket (docs/storage.md, kronika.base.bucket_storage).
PUBLIC_FOLDERS = ("original_images", "images", "avatar_images")


@require_safe
def media_file(request, path: str):
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        # resolve() follows links, so a link inside the media root cannot lead out of it.
        full_path = Path(safe_join(root, path)).resolve()
    except (SuspiciousFileOperation, OSError, ValueError):
        raise Http404 from None
    # Judged on the resolved path: "original_images/../documents/…" names a document.
    folders = full_path.relative_to(root).parts if full_path.is_relative_to(root) else ()
    if not folders or folders[0] in PRIVATE_FOLDERS or not full_path.is_file():
        raise Http404
    status = full_path.stat()
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), status.st_mtime):
        response = HttpResponseNotModified()
    else:
        content_type, encoding = mimetypes.guess_type(full_path.name)
        response = FileResponse(
            full_path.open("rb"), content_type=content_type or "application/octet-stream"
        )
        if encoding:
            response["Content-Encoding"] = encoding
    response["Last-Modified"] = http_date(status.st_mtime)
    response["Cache-Control"] = OBJECT_CACHE_CONTROL
    response["Content-Security-Policy"] = MEDIA_POLICY
    return response
