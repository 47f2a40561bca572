"""What an editor gets when the media disk (or their quota) is full: a 507 that says so.

Nothing needs undoing by then. A file is written before its database row, so
the row was never inserted, and AtomicFileSystemStorage has already removed the
part it had written.
"""

import errno
import logging

from django.http import JsonResponse

from kronika.base.views import render_error

logger = logging.getLogger(__name__)

STORAGE_FULL = {errno.ENOSPC, errno.EDQUOT}

TITLE = "Storage full"
MESSAGE = (
    "The server has no room left to store this file, so it was not saved. "
    "Please tell the site's administrators, and try again once they have made room."
)


def is_storage_full(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in STORAGE_FULL


def wants_json(request) -> bool:
    """Whether the request came from a script, such as the admin's multiple image upload."""
    return request.headers.get("X-Requested-With") == "XMLHttpRequest" or (
        request.get_preferred_type(["text/html", "application/json"]) == "application/json"
    )


class StorageFullMiddleware:
    """Answer a view that ran out of disk space with 507; every other error goes its usual way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_storage_full(exception):
            return None
        logger.error("Out of storage space in %s %s: %s", request.method, request.path, exception)
        if wants_json(request):
            # Shaped like the admin's own answers to an upload.
            return JsonResponse({"success": False, "error_message": MESSAGE}, status=507)
        return render_error(request, 507, TITLE, MESSAGE)
