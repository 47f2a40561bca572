"""The second pass: each item of the export handed, in file order, to the importer of its kind.

The Importer also keeps the bookkeeping: every object made is remembered in
ImportedItem under WordPress's own id, with a fingerprint of what it was made
from, so that the next import finds it again.
"""

from functools import partial
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site

from kronika.base.languages import publish_translation
from kronika.news.models import HomePage
from kronika.wordpress import wxr
from kronika.wordpress.importer.articles import Articles
from kronika.wordpress.importer.authors import Authors
from kronika.wordpress.importer.comments import Comments
from kronika.wordpress.importer.pages import Pages
from kronika.wordpress.importer.redirects import Redirects
from kronika.wordpress.importer.scanning import Scan
from kronika.wordpress.importer.terms import Sections, Tags
from kronika.wordpress.markup import plain
from kronika.wordpress.media import Media
from kronika.wordpress.models import ImportedItem
from kronika.wordpress.report import Report


def home_in(language: str):
    """The paper's home page in `language`, where the import puts its sections and pages.

    A language the paper has no home page in yet gets one, translated from the
    first language's (its title to be translated in the admin): the posts are
    then that language's first articles.
    """
    home = HomePage.objects.filter(locale__language_code=language).first()
    first = (
        HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        or HomePage.objects.first()
    )
    if home is not None or first is None:
        return home or first
    return publish_translation(first, language)


class ImportRefused(Exception):
    """The export cannot be imported; the message says why, and nothing was written."""


class Known(NamedTuple):
    """What an import remembered of an item."""

    pk: int
    key: str
    content_type_id: int
    object_id: int
    fingerprint: str


class Importer:
    """One import of one export: the run through its items, and what it knows of earlier ones."""

    def __init__(
        self, scanned: Scan, path: Path, media_dir, staff_accounts, dry_run, progress, language
    ):
        self.header = scanned.header
        self.language = language
        self.source = (self.header.base_site_url or self.header.base_blog_url).rstrip("/")
        self.total = sum(scanned.items.values())
        self.path = path
        self.progress = progress
        self.report = Report(str(path), dry_run)
        self.media = Media(self, scanned.attachments, media_dir)
        # Compact records, not model instances: an archive has hundreds of thousands.
        self.known: dict[tuple[str, str], Known] = {}
        self.by_guid: dict[tuple[str, str], Known] = {}
        # Each kind of item has an importer of its own, which reaches the others through this one.
        self.redirects = Redirects(self)
        self.authors = Authors(self, staff_accounts)
        self.sections = Sections(self)
        self.tags = Tags(self)
        self.articles = Articles(self)
        self.pages = Pages(self)
        self.comments = Comments(self)

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

    def record(self, kind: str, key) -> "Known | None":
        return self.known.get((kind, str(key)))

    def existing(self, kind: str, key):
        """The object an earlier import made of this item, if it is still there."""
        record = self.record(kind, key)
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

    def post_record(self, kind: str, item: wxr.Item) -> "Known | None":
        record = self.record(kind, item.post_id)
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
        self.home = home_in(self.language)
        if self.home is None:
            raise ImportRefused("the paper has no home page yet: run `kronika migrate` first")
        self.site = Site.objects.filter(root_page=self.home).first() or Site.objects.first()
        for author in self.header.authors:
            self.authors.add(author)
        self.sections.add_all(self.header.categories)
        for term in self.header.tags:
            self.tags.add(term.slug, term.name)
        done = 0
        with self.path.open("rb") as file:
            for entry in wxr.read(file):
                if isinstance(entry, wxr.Header):
                    continue
                self._guarded(self._item, entry)
                done += 1
                if self.progress:
                    self.progress(done, self.total)
        for item in self.pages.deferred:
            self._guarded(partial(self.pages.add, deferred=True), item)
        self.articles.choose_lead_story()

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
                self.articles.add(item)
            case "page":
                self.pages.add(item)
            case "attachment":
                self.media.get(item.post_id)
            case _:
                self.report.skip(
                    item.post_type or "item",
                    item.post_id,
                    plain(item.title),
                    f"WordPress's {item.post_type or 'untyped'} items have no place in a paper",
                )
