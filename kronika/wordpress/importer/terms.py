"""WordPress's categories as sections, nested as they were, and its tags as tags."""

from urllib.parse import unquote

from django.urls import reverse
from django.utils.text import slugify
from taggit.models import Tag

from kronika.news.models import RESERVED_SLUGS, SectionPage
from kronika.wordpress import wxr
from kronika.wordpress.importer.publishing import MAX_SLUG, free_slug
from kronika.wordpress.markup import plain
from kronika.wordpress.models import ImportedItem

UNCATEGORISED = wxr.Term(term_id=None, slug="uncategorized", name="Uncategorized")


class Sections:
    """Each category made a section once, with redirects from its old addresses."""

    def __init__(self, importer):
        self.importer = importer
        self.report = importer.report
        self.by_slug: dict[str, SectionPage] = {}
        self.category_paths: dict[str, str] = {}

    def add_all(self, categories: list[wxr.Term]):
        by_slug = {term.slug: term for term in categories if term.slug}
        placed = set()

        def place(term, trail=()):
            if term.slug in placed:
                return
            parent_term = by_slug.get(term.parent)
            if parent_term and parent_term.slug not in trail:
                place(parent_term, (*trail, term.slug))
            self.add(term, self.by_slug.get(parent_term.slug) if parent_term else None)
            placed.add(term.slug)

        for term in categories:
            if term.slug:
                place(term)

    def add(self, term: wxr.Term, parent: SectionPage | None) -> SectionPage:
        parent_page = parent or self.importer.home
        title = (plain(term.name) or term.slug)[:255]
        slug = slugify(unquote(term.slug), allow_unicode=True)[:MAX_SLUG] or "section"
        section = self.importer.existing(ImportedItem.Kind.CATEGORY, term.slug)
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
                    slug=free_slug(parent_page, slug),
                    intro=plain(term.description)[:500],
                    show_in_menus=parent is None,
                )
                parent_page.add_child(instance=section)
                section.save_revision().publish()
                outcome = "imported"
            self.importer.remember(ImportedItem.Kind.CATEGORY, term.slug, section)
            self.report.count("category", outcome)
        else:
            self.report.count("category", "unchanged")
        self.by_slug[term.slug] = section
        above = self.category_paths.get(term.parent) if parent is not None else None
        path = f"{above}/{term.slug}" if above else term.slug
        self.category_paths[term.slug] = path
        self.importer.redirects.add(f"/category/{path}/", page=section)
        if term.term_id:
            self.importer.redirects.add(f"/?cat={term.term_id}", page=section)
        return section

    def for_item(self, item: wxr.Item) -> SectionPage:
        for slug, name in item.terms_in("category"):
            if slug not in self.by_slug:
                self.add(wxr.Term(term_id=None, slug=slug, name=name), None)
            return self.by_slug[slug]
        if UNCATEGORISED.slug not in self.by_slug:
            self.add(UNCATEGORISED, None)
        return self.by_slug[UNCATEGORISED.slug]


class Tags:
    """Each tag made once, with redirects from its old addresses."""

    def __init__(self, importer):
        self.importer = importer
        self.report = importer.report
        self.by_key: dict[str, Tag] = {}

    def add(self, slug: str, name: str) -> Tag:
        key = slug or slugify(name, allow_unicode=True)
        if key in self.by_key:
            return self.by_key[key]
        name = (plain(name) or key)[:100]
        tag = Tag.objects.filter(name=name).first()
        outcome = "unchanged"
        if tag is None:
            taken = Tag.objects.filter(slug=key).exists()
            tag = Tag.objects.create(name=name, slug="" if taken or not key else key[:100])
            outcome = "imported"
        if self.importer.record(ImportedItem.Kind.TAG, key) is None:
            self.importer.remember(ImportedItem.Kind.TAG, key, tag)
            self.report.count("tag", outcome)
        else:
            self.report.count("tag", "unchanged")
        self.by_key[key] = tag
        target = reverse("news:tag", args=[tag.slug])
        self.importer.redirects.add(f"/tag/{key}/", link=target)
        self.importer.redirects.add(f"/?tag={key}", link=target)
        return tag
