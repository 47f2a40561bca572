"""Importing a WordPress export into the paper, all of it or nothing.

The file is read twice as a stream. The first pass checks the whole file and
learns where the attachments are, so a broken or truncated export is refused
before anything is written. The second pass imports, inside one transaction:
authors, categories as sections, tags, then each post, page and attachment
in file order, with comments and redirects from the old addresses.

Every object made is remembered in ImportedItem under WordPress's own id,
with a fingerprint of what it was made from. A second import of the same
file finds everything unchanged, and a newer export updates what changed.
"""

import hashlib
import json
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator, slugify
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision, Site

from kronika.base.models import CommentPolicy, StandardPage
from kronika.base.readers import fingerprint_of
from kronika.comments.models import Comment
from kronika.news.models import (
    RESERVED_SLUGS,
    ArticleAuthor,
    ArticlePage,
    Author,
    HomePage,
    SectionPage,
)
from kronika.news.signal_handlers import bulk_publishing
from kronika.pagecache.store import invalidating_everything_once
from kronika.telegram import outbox
from kronika.wordpress import content, wxr
from kronika.wordpress.indexing import indexing_afterwards
from kronika.wordpress.markup import plain, soup
from kronika.wordpress.media import Attachment, Media, upload_path
from kronika.wordpress.models import ImportedItem
from kronika.wordpress.report import Report

UNCATEGORISED = wxr.Term(term_id=None, slug="uncategorized", name="Uncategorized")
EXCERPT_WORDS = 55  # what WordPress itself shows where a post has no excerpt
LIVE_STATUSES = ("publish", "future")
MAX_OLD_PATH = Redirect._meta.get_field("old_path").max_length
MAX_SLUG = 240  # a page's slug may take 255 characters, and "-2" may yet be added


class ImportRefused(Exception):
    """The export cannot be imported; the message says why, and nothing was written."""


class Known(NamedTuple):
    """What an import remembered of an item."""

    pk: int
    key: str
    content_type_id: int
    object_id: int
    fingerprint: str


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


def import_export(
    path: Path,
    *,
    media_dir: Path | None = None,
    dry_run: bool = False,
    post_to_telegram: bool = False,
    staff_accounts: bool = False,
    progress=None,
) -> Report:
    path = Path(path)
    try:
        scanned = scan(path)
    except OSError as error:
        raise ImportRefused(f"{path}: {error.strerror or error}") from None
    except wxr.ExportError as error:
        raise ImportRefused(f"{path}: {error}") from None
    if media_dir is not None:
        media_dir = Path(media_dir).resolve()
        if not media_dir.is_dir():
            raise ImportRefused(f"{media_dir}: the media folder does not exist")
    importer = Importer(scanned, path, media_dir, staff_accounts, dry_run, progress)
    suspended = nullcontext() if post_to_telegram else outbox.posting_suspended()
    try:
        with suspended, transaction.atomic():
            with (
                invalidating_everything_once(),
                bulk_publishing(in_background=True),
                indexing_afterwards(),
            ):
                importer.run()
            if dry_run:
                transaction.set_rollback(True)
    except wxr.ExportError as error:
        # The file changed between the two passes, as one still being copied does.
        importer.media.discard_written()
        raise ImportRefused(f"{path}: {error}") from None
    except BaseException:
        importer.media.discard_written()
        raise
    if dry_run:
        importer.media.discard_written()
    return importer.report


def _fingerprint(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()


class Importer:
    def __init__(self, scanned: Scan, path: Path, media_dir, staff_accounts, dry_run, progress):
        self.header = scanned.header
        self.source = (self.header.base_site_url or self.header.base_blog_url).rstrip("/")
        self.total = sum(scanned.items.values())
        self.path = path
        self.staff_accounts = staff_accounts
        self.progress = progress
        self.report = Report(str(path), dry_run)
        self.media = Media(self, scanned.attachments, media_dir)
        # Compact records, not model instances: an archive has hundreds of thousands.
        self.known: dict[tuple[str, str], Known] = {}
        self.by_guid: dict[tuple[str, str], Known] = {}
        self.authors: dict[str, Author] = {}
        self.sections: dict[str, SectionPage] = {}
        self.category_paths: dict[str, str] = {}
        self.tags: dict[str, Tag] = {}
        self.page_ids: dict[int, int] = {}  # WordPress page ID -> the standard page's id
        self.sticky: list[tuple[datetime, int]] = []  # (first publication, article id)
        self.deferred_pages: list[wxr.Item] = []

    # Bookkeeping -------------------------------------------------------------------

    def _load_known(self):
        records = ImportedItem.objects.filter(source=self.source).values_list(
            "pk", "kind", "key", "guid", "content_type_id", "object_id", "fingerprint"
        )
        for pk, kind, key, guid, content_type_id, object_id, fingerprint in records.iterator():
            known = Known(pk, key, content_type_id, object_id, fingerprint)
            self.known[(kind, key)] = known
            if guid:
                self.by_guid[(kind, guid)] = known

    def _record(self, kind: str, key) -> "Known | None":
        return self.known.get((kind, str(key)))

    def existing(self, kind: str, key):
        """The object an earlier import made of this item, if it is still there."""
        record = self._record(kind, key)
        if record is None:
            return None
        model = ContentType.objects.get_for_id(record.content_type_id).model_class()
        found = model._default_manager.filter(pk=record.object_id).first()
        return found.specific if isinstance(found, Page) else found

    def remember(self, kind: str, key, made, *, guid: str = "", fingerprint: str = ""):
        record, _ = ImportedItem.objects.update_or_create(
            source=self.source,
            kind=kind,
            key=str(key),
            defaults={
                "guid": guid[:500],
                "content_type": ContentType.objects.get_for_model(made, for_concrete_model=False)
                if not isinstance(made, Page)
                else ContentType.objects.get_for_model(Page),
                "object_id": made.pk,
                "fingerprint": fingerprint,
            },
        )
        known = Known(record.pk, record.key, record.content_type_id, made.pk, fingerprint)
        self.known[(kind, str(key))] = known
        if guid:
            self.by_guid[(kind, guid)] = known

    def _post_record(self, kind: str, item: wxr.Item) -> "Known | None":
        record = self._record(kind, item.post_id)
        if record is None and item.guid:
            # The same post under another ID: exported again from a copy of the site.
            record = self.by_guid.get((kind, item.guid))
        return record

    def local_address(self, url: str) -> str:
        """A link into the old site as a path on this one, where its redirect waits."""
        for base in {self.source, self.header.base_blog_url.rstrip("/")}:
            if base and url.startswith(base + "/"):
                return url[len(base) :]
        return url

    # The import --------------------------------------------------------------------

    def run(self):
        self._load_known()
        self.home = HomePage.objects.first()
        if self.home is None:
            raise ImportRefused("the paper has no home page yet: run `kronika migrate` first")
        self.site = Site.objects.filter(root_page=self.home).first() or Site.objects.first()
        for author in self.header.authors:
            self._author(author)
        self._sections(self.header.categories)
        for term in self.header.tags:
            self._tag(term.slug, term.name)
        done = 0
        with self.path.open("rb") as file:
            for entry in wxr.read(file):
                if isinstance(entry, wxr.Header):
                    continue
                self._guarded(self._item, entry)
                done += 1
                if self.progress:
                    self.progress(done, self.total)
        for item in self.deferred_pages:
            self._guarded(partial(self._page, deferred=True), item)
        self._lead_story()

    def _guarded(self, handle, item: wxr.Item):
        try:
            handle(item)
        except ValidationError as error:
            # Every field is fitted to the model first, so this is a case the
            # importer does not know; the import stops rather than lose the item.
            raise ImportRefused(
                f"line {item.line}: {item.post_type} {item.post_id} "
                f"“{plain(item.title)[:80]}” cannot be imported: " + "; ".join(error.messages)
            ) from None

    def _item(self, item: wxr.Item):
        match item.post_type:
            case "post":
                self._post(item)
            case "page":
                self._page(item)
            case "attachment":
                self.media.get(item.post_id)
            case _:
                self.report.skip(
                    item.post_type or "item",
                    item.post_id,
                    plain(item.title),
                    f"WordPress's {item.post_type or 'untyped'} items have no place in a paper",
                )

    # Authors -------------------------------------------------------------------------

    def _author(self, source: wxr.Author) -> Author:
        login = source.login
        if login in self.authors:
            return self.authors[login]
        name = (
            plain(source.display_name)
            or " ".join(part for part in (source.first_name, source.last_name) if part)
            or login
        )[:255]
        author = self.existing(ImportedItem.Kind.AUTHOR, login)
        outcome = "unchanged"
        if author is None:
            slug = slugify(login, allow_unicode=True) or slugify(name, allow_unicode=True)
            slug = slug or "author"
            author = Author.objects.filter(slug=slug).first()
            if author is None:
                author = Author.objects.create(name=name, slug=slug)
                outcome = "imported"
            fingerprint = _fingerprint(name)
            self.remember(ImportedItem.Kind.AUTHOR, login, author, fingerprint=fingerprint)
        elif self._record(ImportedItem.Kind.AUTHOR, login).fingerprint != _fingerprint(name):
            author.name = name
            author.save(update_fields=["name"])
            self.remember(ImportedItem.Kind.AUTHOR, login, author, fingerprint=_fingerprint(name))
            outcome = "updated"
        if self.staff_accounts and author.user_id is None:
            author.user = self._staff_account(source)
            author.save(update_fields=["user"])
        self.report.count("author", outcome)
        self.authors[login] = author
        return author

    def _staff_account(self, source: wxr.Author):
        """A staff account with no usable password: its owner sets one by resetting it."""
        User = get_user_model()
        user = User.objects.filter(username=source.login[:150]).first()
        if user is None:
            user = User(
                username=source.login[:150],
                email=source.email if _valid_email(source.email) else "",
                first_name=source.first_name[:150],
                last_name=source.last_name[:150],
                is_staff=True,
            )
            user.set_unusable_password()
            user.save()
        return user

    def _author_for(self, login: str) -> Author:
        if login not in self.authors:
            return self._author(wxr.Author(login=login or "unknown"))
        return self.authors[login]

    # Sections and tags ---------------------------------------------------------------

    def _sections(self, categories: list[wxr.Term]):
        by_slug = {term.slug: term for term in categories if term.slug}
        placed = set()

        def place(term, trail=()):
            if term.slug in placed:
                return
            parent_term = by_slug.get(term.parent)
            if parent_term and parent_term.slug not in trail:
                place(parent_term, (*trail, term.slug))
            self._section(term, self.sections.get(parent_term.slug) if parent_term else None)
            placed.add(term.slug)

        for term in categories:
            if term.slug:
                place(term)

    def _section(self, term: wxr.Term, parent: SectionPage | None) -> SectionPage:
        parent_page = parent or self.home
        title = (plain(term.name) or term.slug)[:255]
        slug = slugify(unquote(term.slug), allow_unicode=True)[:MAX_SLUG] or "section"
        section = self.existing(ImportedItem.Kind.CATEGORY, term.slug)
        if section is None:
            if parent is None and slug in RESERVED_SLUGS:
                self.report.note(
                    "category", term.slug, title, "address", f"/{slug}/ is taken by the site"
                )
                slug = f"{slug}-section"
            section = (
                SectionPage.objects.child_of(parent_page).filter(slug=slug).specific().first()
            )
            outcome = "unchanged"
            if section is None:
                section = SectionPage(
                    title=title,
                    slug=self._free_slug(parent_page, slug),
                    intro=plain(term.description)[:500],
                    show_in_menus=parent is None,
                )
                parent_page.add_child(instance=section)
                section.save_revision().publish()
                outcome = "imported"
            self.remember(ImportedItem.Kind.CATEGORY, term.slug, section)
            self.report.count("category", outcome)
        else:
            self.report.count("category", "unchanged")
        self.sections[term.slug] = section
        above = self.category_paths.get(term.parent) if parent is not None else None
        path = f"{above}/{term.slug}" if above else term.slug
        self.category_paths[term.slug] = path
        self._redirect(f"/category/{path}/", page=section)
        if term.term_id:
            self._redirect(f"/?cat={term.term_id}", page=section)
        return section

    def _section_for(self, item: wxr.Item) -> SectionPage:
        for slug, name in item.terms_in("category"):
            if slug not in self.sections:
                self._section(wxr.Term(term_id=None, slug=slug, name=name), None)
            return self.sections[slug]
        if UNCATEGORISED.slug not in self.sections:
            self._section(UNCATEGORISED, None)
        return self.sections[UNCATEGORISED.slug]

    def _tag(self, slug: str, name: str) -> Tag:
        key = slug or slugify(name, allow_unicode=True)
        if key in self.tags:
            return self.tags[key]
        name = (plain(name) or key)[:100]
        tag = Tag.objects.filter(name=name).first()
        outcome = "unchanged"
        if tag is None:
            taken = Tag.objects.filter(slug=key).exists()
            tag = Tag.objects.create(name=name, slug="" if taken or not key else key[:100])
            outcome = "imported"
        if self._record(ImportedItem.Kind.TAG, key) is None:
            self.remember(ImportedItem.Kind.TAG, key, tag)
            self.report.count("tag", outcome)
        else:
            self.report.count("tag", "unchanged")
        self.tags[key] = tag
        target = reverse("news:tag", args=[tag.slug])
        self._redirect(f"/tag/{key}/", link=target)
        self._redirect(f"/?tag={key}", link=target)
        return tag

    # Posts -----------------------------------------------------------------------------

    def _post(self, item: wxr.Item):
        title = plain(item.title)
        if item.status in ("trash", "auto-draft", "inherit"):
            self.report.skip("post", item.post_id, title, f"its status is “{item.status}”")
            return
        record = self._post_record("post", item)
        fingerprint = _fingerprint(
            item.title, item.slug, item.content, item.excerpt, item.status, item.date_gmt,
            item.date, item.modified_gmt, item.creator, item.comment_status, item.password,
            item.sticky, item.terms, item.meta.get("_thumbnail_id"),
        )  # fmt: skip
        article = self.existing("post", record.key) if record else None
        if article is not None and record.fingerprint == fingerprint:
            self.report.count("post", "unchanged")
        else:
            article = self._write_article(item, article, title)
            self.remember("post", item.post_id, article, guid=item.guid, fingerprint=fingerprint)
            if record is not None and record.key != str(item.post_id):
                ImportedItem.objects.filter(pk=record.pk).delete()
        if item.sticky and article.live:
            self.sticky.append((article.first_published_at, article.pk))
        self._comments(item, article)
        if item.status in LIVE_STATUSES:
            self._redirect(item.link, page=article)
            self._redirect(f"/?p={item.post_id}", page=article)

    def _write_article(self, item: wxr.Item, article: ArticlePage | None, title: str):
        kind = "post"
        conversion = self._convert(kind, item, title)
        section = self._section_for(item)
        categories = item.terms_in("category")
        tags = [self._tag(slug, name) for slug, name in item.terms_in("post_tag")]
        if len(categories) > 1:
            tags += [self._tag(slug, name) for slug, name in categories[1:]]
            self.report.note(
                kind,
                item.post_id,
                title,
                "categories",
                f"filed in “{section.title}”; also in "
                + ", ".join(f"“{plain(name)}”" for _, name in categories[1:])
                + ", kept as tags",
            )
        authors = [self._author_for(item.creator)] + [
            self._author_for(slug.removeprefix("cap-")) for slug, _ in item.terms_in("author")
        ]
        fields = {
            "title": self._title(kind, item, title),
            "standfirst": self._standfirst(kind, item, title),
            "body": conversion.blocks or self._empty_body(kind, item, title),
            "hero_image": self._featured_image(kind, item, title),
            "comment_policy": CommentPolicy.CLOSED
            if item.comment_status == "closed"
            else CommentPolicy.INHERIT,
        }
        outcome = "updated"
        if article is None:
            article = ArticlePage(
                slug=self._free_slug(section, self._slug(item, title)), live=False, **fields
            )
            outcome = "imported"
        else:
            for name, value in fields.items():
                setattr(article, name, value)
        article.article_authors = [
            ArticleAuthor(author=author, sort_order=order)
            for order, author in enumerate(dict.fromkeys(authors))
        ]
        article.tags.set(list(dict.fromkeys(tags)))
        if outcome == "imported":
            section.add_child(instance=article)
        elif article.get_parent().pk != section.pk:
            article.move(section, pos="last-child")
            article.refresh_from_db()
        self._publish(kind, item, article, title)
        self.report.count(kind, outcome)
        return article

    def _convert(self, kind, item, title) -> content.Conversion:
        conversion = content.convert(item.content, self.media)
        self.report.blocks.update(conversion.mapped)
        for note in conversion.notes:
            self.report.not_mapped[(note.what, note.detail)] += 1
            self.report.note(kind, item.post_id, title, note.what, note.detail)
        return conversion

    def _empty_body(self, kind, item, title) -> list[dict]:
        # An article must have a body; an empty paragraph keeps the post, live
        # as it was, and the editor's form asks for the text it never had.
        self.report.note(kind, item.post_id, title, "content", "none: the body is left empty")
        return [{"type": "paragraph", "value": ""}]

    def _title(self, kind, item, title) -> str:
        if not title:
            self.report.note(kind, item.post_id, "", "title", "untitled in WordPress")
            return f"Untitled ({item.post_id})"
        if len(title) > 255:
            self.report.note(kind, item.post_id, title, "title", "shortened to 255 characters")
            return Truncator(title).chars(255)
        return title

    def _standfirst(self, kind, item, title) -> str:
        text = plain(item.excerpt)
        if not text:
            text = Truncator(plain(item.content)).words(EXCERPT_WORDS)
        if not text:
            detail = "no text: the headline stands in"
            self.report.note(kind, item.post_id, title, "excerpt", detail)
            text = title or f"Untitled ({item.post_id})"
        if len(text) > 600:
            self.report.note(kind, item.post_id, title, "excerpt", "shortened to 600 characters")
            text = Truncator(text).chars(600)
        return text

    def _featured_image(self, kind, item, title):
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        if not thumbnail:
            return None
        image = self.media.image(int(thumbnail)) if thumbnail.isdigit() else None
        if image is None:
            self.report.note(
                kind, item.post_id, title, "featured image", f"attachment {thumbnail} not imported"
            )
        return image

    def _slug(self, item: wxr.Item, title: str) -> str:
        slug = slugify(unquote(item.slug), allow_unicode=True)[:MAX_SLUG]
        return slug or slugify(title, allow_unicode=True)[:MAX_SLUG] or f"post-{item.post_id}"

    def _free_slug(self, parent: Page, slug: str) -> str:
        """`slug`, or `slug-2`, `slug-3`… if another page under `parent` has it."""
        taken = set(
            parent.get_children().filter(slug__startswith=slug).values_list("slug", flat=True)
        )
        candidate, number = slug, 1
        while candidate in taken:
            number += 1
            candidate = f"{slug}-{number}"
        return candidate

    def _publish(self, kind: str, item: wxr.Item, page: Page, title: str):
        """Give the page the state the item had in WordPress, at WordPress's times."""
        first = item.date_gmt or _aware(item.date)
        status = item.status
        if status == "publish" and (item.password or first is None):
            status = "draft"
        if status == "private" or item.password:
            what = "private" if status == "private" else "password-protected"
            self.report.note(kind, item.post_id, title, what, "imported as a draft")
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
                self.report.note(kind, item.post_id, title, "status", f"“{status}” became draft")
        # Publishing saves a copy of the page made from its revision, not this object.
        page.refresh_from_db()

    # Pages -----------------------------------------------------------------------------

    def _page(self, item: wxr.Item, deferred: bool = False):
        title = plain(item.title)
        if item.status in ("trash", "auto-draft", "inherit"):
            self.report.skip("page", item.post_id, title, f"its status is “{item.status}”")
            return
        parent = self.home
        if item.parent:
            parent_id = self.page_ids.get(item.parent)
            if parent_id is None and not deferred:
                self.deferred_pages.append(item)
                return
            parent = StandardPage.objects.filter(pk=parent_id).first() or self.home
        record = self._post_record("page", item)
        fingerprint = _fingerprint(
            item.title, item.slug, item.content, item.status, item.date_gmt, item.modified_gmt,
            item.password, item.parent,
        )  # fmt: skip
        page = self.existing("page", record.key) if record else None
        if page is not None and record.fingerprint == fingerprint:
            self.report.count("page", "unchanged")
        else:
            conversion = self._convert("page", item, title)
            fields = {"title": self._title("page", item, title), "body": conversion.blocks}
            outcome = "updated"
            if page is None:
                slug = self._slug(item, title)
                if parent is self.home and slug in RESERVED_SLUGS:
                    self.report.note(
                        "page", item.post_id, title, "address", f"/{slug}/ is taken by the site"
                    )
                    slug = f"{slug}-page"
                page = StandardPage(slug=self._free_slug(parent, slug), live=False, **fields)
                parent.add_child(instance=page)
                outcome = "imported"
            else:
                for name, value in fields.items():
                    setattr(page, name, value)
            self._publish("page", item, page, title)
            self.remember("page", item.post_id, page, guid=item.guid, fingerprint=fingerprint)
            self.report.count("page", outcome)
        self.page_ids[item.post_id] = page.pk
        for comment in item.comments:
            self.report.skip(
                "comment",
                comment.comment_id,
                comment.author,
                "comments on pages are not kept: Kronika's comments belong to articles",
            )
        if item.status in LIVE_STATUSES:
            self._redirect(item.link, page=page)
            self._redirect(f"/?page_id={item.post_id}", page=page)

    # Comments --------------------------------------------------------------------------

    def _comments(self, item: wxr.Item, article: ArticlePage):
        made: dict[int, Comment] = {}
        parents = {comment.comment_id: comment.parent for comment in item.comments}
        for source in sorted(item.comments, key=lambda comment: comment.comment_id):
            self._comment(item, article, source, parents, made)

    def _comment(self, item, article, source: wxr.Comment, parents, made):
        title = source.author or "Anonymous"
        if source.kind in ("pingback", "trackback"):
            reason = f"a {source.kind}, not a comment"
            self.report.skip("comment", source.comment_id, title, reason)
            return
        status = {
            "1": Comment.Status.APPROVED,
            "0": Comment.Status.PENDING,
            "spam": Comment.Status.SPAM,
        }.get(source.approved)
        if status is None:
            reason = "in WordPress's trash" if "trash" in source.approved else source.approved
            self.report.skip("comment", source.comment_id, title, f"not imported: {reason}")
            return
        # Kronika threads one level deep: a reply to a reply joins its top comment.
        top, depth, hops = source.parent, 0, 0
        while parents.get(top) and hops < len(parents):
            top, depth, hops = parents[top], depth + 1, hops + 1
        parent = made.get(top) if top else None
        if top and parent is None:
            self.report.note(
                "comment", source.comment_id, title, "thread", "its parent was not imported"
            )
        elif depth:
            detail = "a deeper reply, now under its thread"
            self.report.note("comment", source.comment_id, title, "thread", detail)
        email = source.email.strip()
        if email and not _valid_email(email):
            self.report.note("comment", source.comment_id, title, "email", "not a valid address")
            email = ""
        fields = {
            "article": article,
            "parent": parent,
            "name": (plain(source.author) or "Anonymous")[:80],
            "email": email[:254],
            "body": plain_paragraphs(source.content),
            "status": status,
            "client": fingerprint_of(source.ip),
            "created_at": source.date_gmt
            or _aware(source.date)
            or article.first_published_at
            or timezone.now(),
        }
        kept = {name: value for name, value in fields.items() if name not in ("article", "parent")}
        fingerprint = _fingerprint(kept, source.parent)
        record = self._record(ImportedItem.Kind.COMMENT, source.comment_id)
        comment = self.existing(ImportedItem.Kind.COMMENT, source.comment_id) if record else None
        if comment is not None and record.fingerprint == fingerprint:
            self.report.count("comment", "unchanged")
        else:
            outcome = "imported" if comment is None else "updated"
            comment = comment or Comment()
            for name, value in fields.items():
                setattr(comment, name, value)
            comment.save()
            self.remember(
                ImportedItem.Kind.COMMENT, source.comment_id, comment, fingerprint=fingerprint
            )
            self.report.count("comment", outcome)
        made[source.comment_id] = comment if comment.parent_id is None else comment.parent

    # Redirects and the home page -------------------------------------------------------

    def _redirect(self, old: str, *, page: Page | None = None, link: str = ""):
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
            new = page.get_url(request=None, current_site=self.site) or ""
            if Redirect.normalise_path(urlsplit(new).path) == old_path:
                return
        Redirect.objects.update_or_create(
            old_path=old_path,
            site=self.site,
            defaults={"redirect_page": page, "redirect_link": link, "is_permanent": True},
        )

    def _lead_story(self):
        if not self.sticky:
            return
        _, lead = max(self.sticky)
        if self.home.lead_article_id == lead:
            return
        self.home.lead_article_id = lead
        self.home.save_revision().publish()


def plain_paragraphs(markup: str) -> str:
    """A comment's text, its paragraphs kept as blank lines."""
    if not markup:
        return ""
    tree = soup(markup.replace("\r\n", "\n"))
    for br in tree.find_all("br"):
        br.replace_with("\n")
    for paragraph in tree.find_all("p"):
        paragraph.insert_after("\n\n")
    # The parser has decoded the entities once, which is all WordPress encoded.
    text = tree.get_text()
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    return "\n\n".join(part for part in paragraphs if part)


def _valid_email(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment.astimezone(UTC)
