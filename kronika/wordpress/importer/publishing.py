"""What WordPress's posts and pages share on their way to becoming pages.

Their body, title and address, and the state and times WordPress published
them at. Sections take their free addresses from here too.
"""

from urllib.parse import unquote

from django.utils import timezone
from django.utils.text import Truncator, slugify
from wagtail.models import Page, Revision

from kronika.wordpress import content, wxr
from kronika.wordpress.importer.values import aware

LIVE_STATUSES = ("publish", "future")
MAX_SLUG = 240  # a page's slug may take 255 characters, and "-2" may yet be added


def convert_body(report, media, kind, item, title) -> content.Conversion:
    conversion = content.convert(item.content, media)
    report.blocks.update(conversion.mapped)
    for note in conversion.notes:
        report.not_mapped[(note.what, note.detail)] += 1
        report.note(kind, item.post_id, title, note.what, note.detail)
    return conversion


def fitted_title(report, kind, item, title) -> str:
    if not title:
        report.note(kind, item.post_id, "", "title", "untitled in WordPress")
        return f"Untitled ({item.post_id})"
    if len(title) > 255:
        report.note(kind, item.post_id, title, "title", "shortened to 255 characters")
        return Truncator(title).chars(255)
    return title


def slug_for(item: wxr.Item, title: str) -> str:
    slug = slugify(unquote(item.slug), allow_unicode=True)[:MAX_SLUG]
    return slug or slugify(title, allow_unicode=True)[:MAX_SLUG] or f"post-{item.post_id}"


def free_slug(parent: Page, slug: str) -> str:
    """`slug`, or `slug-2`, `slug-3`… if another page under `parent` has it."""
    taken = set(parent.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def publish(report, kind: str, item: wxr.Item, page: Page, title: str):
    """Give the page the state the item had in WordPress, at WordPress's times."""
    first = item.date_gmt or aware(item.date)
    status = item.status
    if status == "publish" and (item.password or first is None):
        status = "draft"
    if status == "private" or item.password:
        what = "private" if status == "private" else "password-protected"
        report.note(kind, item.post_id, title, what, "imported as a draft")
        status = "draft"
    if status == "future" and (first is None or first <= timezone.now()):
        status = "publish" if first else "draft"
    if status == "publish":
        page.go_live_at = None
        revision = page.save_revision(clean=False)
        revision.publish()
        last = max(first, item.modified_gmt or first)
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=first, last_published_at=last, latest_revision_created_at=last
        )
        Revision.objects.filter(pk=revision.pk).update(created_at=last)
    elif status == "future":
        page.go_live_at = first
        page.save_revision(clean=False).publish()
    else:
        if page.live:
            page.unpublish()
        page.save_revision(clean=False)
        if status not in ("draft", "pending", "private"):
            report.note(kind, item.post_id, title, "status", f"“{status}” became draft")
    # Publishing saves a copy of the page made from its revision, not this object.
    page.refresh_from_db()
