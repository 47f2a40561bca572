"""Permanent redirects from the old site's addresses to the pages they became."""

from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

MAX_OLD_PATH = Redirect._meta.get_field("old_path").max_length


class Redirects:
    """Each old address redirected once, to a page or to a link such as a tag's."""

    def __init__(self, importer):
        self.importer = importer
        self.report = importer.report

    def add(self, old: str, *, page: Page | None = None, link: str = ""):
        """A permanent redirect from an old address to its new one, unless they are the same."""
        if not old:
            return
        try:
            # Only the path and query matter: the paper may keep the old domain or not.
            parts = urlsplit(old)
        except ValueError:
            return
        path = f"{parts.path}?{parts.query}" if parts.query else parts.path
        old_path = Redirect.normalise_path(path or "/")
        if old_path == "/":
            return
        if len(old_path) > MAX_OLD_PATH:
            self.report.note("redirect", "", old_path[:80], "address", "too long to redirect")
            return
        if page is not None:
            new = page.get_url(request=None, current_site=self.importer.site) or ""
            if Redirect.normalise_path(urlsplit(new).path) == old_path:
                return
        Redirect.objects.update_or_create(
            old_path=old_path,
            site=self.importer.site,
            defaults={"redirect_page": page, "redirect_link": link, "is_permanent": True},
        )
