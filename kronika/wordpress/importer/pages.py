"""WordPress's pages as standard pages, nested as they were."""

from kronika.base.models import StandardPage
from kronika.news.models import RESERVED_SLUGS
from kronika.wordpress import wxr
from kronika.wordpress.importer import publishing
from kronika.wordpress.importer.values import fingerprint_for
from kronika.wordpress.markup import plain


class Pages:
    """Each page made a standard page, or updated; a page whose parent comes later waits for it."""

    def __init__(self, importer):
        self.importer = importer
        self.report = importer.report
        self.page_ids: dict[int, int] = {}  # WordPress page ID -> the standard page's id
        self.deferred: list[wxr.Item] = []

    def add(self, item: wxr.Item, deferred: bool = False):
        title = plain(item.title)
        if item.status in ("trash", "auto-draft", "inherit"):
            self.report.skip("page", item.post_id, title, f"its status is “{item.status}”")
            return
        parent = self.importer.home
        if item.parent:
            parent_id = self.page_ids.get(item.parent)
            if parent_id is None and not deferred:
                self.deferred.append(item)
                return
            parent = StandardPage.objects.filter(pk=parent_id).first() or self.importer.home
        record = self.importer.post_record("page", item)
        fingerprint = fingerprint_for(
            item.title, item.slug, item.content, item.status, item.date_gmt, item.modified_gmt,
            item.password, item.parent,
        )  # fmt: skip
        page = self.importer.existing("page", record.key) if record else None
        if page is not None and record.fingerprint == fingerprint:
            self.report.count("page", "unchanged")
        else:
            conversion = publishing.convert_body(
                self.report, self.importer.media, "page", item, title
            )
            fields = {
                "title": publishing.fitted_title(self.report, "page", item, title),
                "body": conversion.blocks,
            }
            outcome = "updated"
            if page is None:
                slug = publishing.slug_for(item, title)
                if parent is self.importer.home and slug in RESERVED_SLUGS:
                    self.report.note(
                        "page", item.post_id, title, "address", f"/{slug}/ is taken by the site"
                    )
                    slug = f"{slug}-page"
                page = StandardPage(slug=publishing.free_slug(parent, slug), live=False, **fields)
                parent.add_child(instance=page)
                outcome = "imported"
            else:
                for name, value in fields.items():
                    setattr(page, name, value)
            publishing.publish(self.report, "page", item, page, title)
            self.importer.remember(
                "page", item.post_id, page, guid=item.guid, fingerprint=fingerprint
            )
            self.report.count("page", outcome)
        self.page_ids[item.post_id] = page.pk
        for comment in item.comments:
            self.report.skip(
                "comment",
                comment.comment_id,
                comment.author,
                "comments on pages are not kept: Kronika's comments belong to articles",
            )
        if item.status in publishing.LIVE_STATUSES:
            self.importer.redirects.add(item.link, page=page)
            self.importer.redirects.add(f"/?page_id={item.post_id}", page=page)
