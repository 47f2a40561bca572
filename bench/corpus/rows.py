"""The archive's rows: the paper it is added to, and its pages, bylines, tags and terms.

Pages are written as plain rows whose values the models' own fields prepare
(see `Rows`), since bulk_create refuses Wagtail's multi-table pages.
"""

import math
import uuid
from datetime import timedelta
from itertools import accumulate

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import AutoField, F, Min
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page

from bench.corpus.prose import Draft, Vocabulary, Writer, Zipf, counted, terms_of
from kronika.news import related
from kronika.news.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    ArticleTerm,
    Author,
    HomePage,
    SectionPage,
)

YEARS = 10
WITH_PICTURE = 0.7


def _step(number: int) -> str:
    """One step of a treebeard path: `number` in Page.alphabet, Page.steplen digits."""
    alphabet, digits = Page.alphabet, []
    for _ in range(Page.steplen):
        number, digit = divmod(number, len(alphabet))
        digits.append(alphabet[digit])
    if number:
        raise RuntimeError("A section has more children than a treebeard path step can number.")
    return "".join(reversed(digits))


def _next_step(section: Page) -> int:
    """The number of the step after the section's last child, in its treebeard path."""
    last = (
        Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = 0
    for char in last[-Page.steplen :] if last else "":
        number = number * len(Page.alphabet) + Page.alphabet.index(char)
    return number + 1


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if not number:
            return text


def insert_rows(model, fields: list[str], rows: list[tuple]) -> int:
    """Plain rows into a model's table: COPY on PostgreSQL, executemany elsewhere.

    The terms table alone gets over three million rows for 100,000 articles;
    building model instances for bulk_create would cost more than writing them.
    """
    if not rows:
        return 0
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            values = ", ".join(["%s"] * len(fields))
            insert = f"INSERT INTO {table} ({columns}) VALUES ({values})"  # noqa: S608 - our names
            cursor.executemany(insert, rows)
    return len(rows)


class Rows:
    """Rows for a model's table, each value prepared by its Django field as save() would.

    Every column starts from the model's default, so a field added to the model
    later gets its default here too; only the values given to `row` differ.
    Building rows this way takes a quarter of the time of building model instances.
    """

    def __init__(self, model):
        self.fields = [
            field
            for field in model._meta.local_concrete_fields
            if not (field.primary_key and isinstance(field, AutoField))
        ]
        self.names = [field.name for field in self.fields]
        self._scratch = model()
        self._defaults = [self._prepare(field) for field in self.fields]
        self._places = {}
        for place, field in enumerate(self.fields):
            self._places[field.name] = self._places[field.attname] = (place, field)

    def _prepare(self, field):
        return field.get_db_prep_save(field.pre_save(self._scratch, add=True), connection)

    def row(self, **values) -> tuple:
        row = list(self._defaults)
        for name, value in values.items():
            place, field = self._places[name]
            setattr(self._scratch, field.attname, value)
            row[place] = self._prepare(field)
        return tuple(row)


def front_page():
    """The home page in the paper's first language, whose sections the archive is filed in.

    The demo also has a home page in each of its other languages.
    """
    return HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()


class Paper:
    """What the archive is added to: the demo paper's sections, authors, tags and pictures."""

    def __init__(self, vocabulary: Vocabulary):
        home = front_page()
        self.sections = (
            list(SectionPage.objects.live().child_of(home).order_by("path")) if home else []
        )
        if not self.sections:
            raise RuntimeError(
                "The paper has no home page with sections: load the demo first "
                "(kronika demo --no-serve)."
            )
        self.home = home
        self.next_steps = [_next_step(section) for section in self.sections]
        self.pictures = sorted(
            {pk for pk in ArticlePage.objects.values_list("hero_image_id", flat=True) if pk}
        )
        self.content_type = ContentType.objects.get_for_model(ArticlePage)
        self.existing_articles = ArticlePage.objects.count()
        oldest = ArticlePage.objects.live().aggregate(oldest=Min("first_published_at"))["oldest"]
        # Each batch ends before the oldest article there is, so a second batch
        # goes further back and the newest articles stay the demo's own.
        self.until = (oldest or timezone.now()) - timedelta(hours=1)
        self.since = self.until - timedelta(days=365 * YEARS)
        self.new_authors, self.authors = self._authors(vocabulary)
        self.new_tags, self.tags, self.tag_slugs, self.tag_names = self._tags(vocabulary)

    def _authors(self, vocabulary: Vocabulary):
        wanted = {slugify(name): name for name in vocabulary.author_names}
        before = Author.objects.count()
        Author.objects.bulk_create(
            [
                Author(name=name, slug=slug, bio=f"{name} writes for Kronika.")
                for slug, name in wanted.items()
            ],
            ignore_conflicts=True,
        )
        generated = dict(Author.objects.filter(slug__in=wanted).values_list("slug", "pk"))
        others = Author.objects.exclude(slug__in=wanted).values_list("pk", flat=True)
        ranked = [generated[slug] for slug in wanted if slug in generated]
        # The paper's own writers are its most prolific.
        return Author.objects.count() - before, Zipf([*others, *ranked], exponent=0.8)

    def _tags(self, vocabulary: Vocabulary):
        names = vocabulary.tag_names
        before = Tag.objects.count()
        Tag.objects.bulk_create(
            [Tag(name=name, slug=slugify(name)) for name in names], ignore_conflicts=True
        )
        found = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
        ranked = [found[name] for name in names if name in found]
        slugs = dict(Tag.objects.filter(pk__in=ranked).values_list("pk", "slug"))
        names = {pk: name for name, pk in found.items()}
        return Tag.objects.count() - before, Zipf(ranked), slugs, names


def drafts_of(
    paper: Paper, writer: Writer, vocabulary: Vocabulary, moments: list, serial: int
) -> list[Draft]:
    rng = writer.rng
    section_weights = list(accumulate(1 / (i + 1) ** 0.5 for i in range(len(paper.sections))))
    drafts = []
    for offset, moment in enumerate(moments):
        tags = []
        for _ in range(rng.choices((1, 2, 3, 4, 5), (20, 30, 25, 15, 10))[0]):
            tag = paper.tags.pick(rng)
            if tag not in tags:
                tags.append(tag)
        authors = [paper.authors.pick(rng)]
        if rng.random() < 0.25:
            second = paper.authors.pick(rng)
            if second != authors[0]:
                authors.append(second)
        topic = [word for tag in tags for word in paper.tag_names[tag].split()]
        title = writer.headline(topic)
        standfirst = writer.standfirst(topic)
        body, body_counts = writer.body(topic)
        title_counts = counted(title)[1]
        updated = moment + timedelta(hours=rng.uniform(1, 72)) if rng.random() < 0.12 else moment
        draft = Draft(
            title=title,
            slug=f"{slugify(title)[:60].rstrip('-')}-{_base36(serial + offset)}",
            standfirst=standfirst,
            body=body,
            # extract_terms reads the headline twice, then the standfirst and the body.
            counts=[title_counts, title_counts, counted(standfirst)[1], *body_counts],
            dateline=vocabulary.place(rng, inflected=False) if rng.random() < 0.6 else "",
            section=rng.choices(range(len(paper.sections)), cum_weights=section_weights)[0],
            tags=tags,
            authors=authors,
            picture=rng.choice(paper.pictures)
            if paper.pictures and rng.random() < WITH_PICTURE
            else None,
            first_published_at=moment,
            last_published_at=min(updated, paper.until),
        )
        drafts.append(draft)
    return drafts


def write_pages(paper: Paper, drafts: list[Draft]) -> list[int]:
    """The page rows of a batch; returns the new page ids, in the order of `drafts`."""
    slugs = [draft.slug for draft in drafts]
    if Page.objects.filter(slug__in=slugs).exists():
        raise RuntimeError(
            "A generated slug is already taken (were articles deleted since the last run?); "
            "run generate() with another seed."
        )
    paths, parents = [], []
    for draft in drafts:
        section = paper.sections[draft.section]
        paths.append(section.path + _step(paper.next_steps[draft.section]))
        paper.next_steps[draft.section] += 1
        parents.append(section)
    pages = Rows(Page)
    insert_rows(
        Page,
        pages.names,
        [
            pages.row(
                title=draft.title,
                draft_title=draft.title,
                slug=draft.slug,
                path=path,
                depth=section.depth + 1,
                numchild=0,
                url_path=f"{section.url_path}{draft.slug}/",
                content_type=paper.content_type.pk,
                live=True,
                has_unpublished_changes=False,
                locale=paper.home.locale_id,
                translation_key=uuid.uuid4(),
                first_published_at=draft.first_published_at,
                last_published_at=draft.last_published_at,
                latest_revision_created_at=draft.last_published_at,
            )
            for draft, path, section in zip(drafts, paths, parents, strict=True)
        ],
    )
    # Paths are unique, and unlike bulk_create's, this insert returns no ids.
    found = dict(Page.objects.filter(path__in=paths).values_list("path", "pk"))
    ids = [found[path] for path in paths]
    articles = Rows(ArticlePage)
    insert_rows(
        ArticlePage,
        articles.names,
        [
            articles.row(
                page_ptr=pk,
                standfirst=draft.standfirst,
                body=draft.body,
                dateline=draft.dateline,
                hero_image=draft.picture,
            )
            for pk, draft in zip(ids, drafts, strict=True)
        ],
    )
    for index, section in enumerate(paper.sections):
        added = sum(1 for draft in drafts if draft.section == index)
        if added:
            Page.objects.filter(pk=section.pk).update(numchild=F("numchild") + added)
    return ids


def write_links(ids: list[int], drafts: list[Draft]) -> tuple[int, int]:
    bylines = [
        (order, pk, author)
        for pk, draft in zip(ids, drafts, strict=True)
        for order, author in enumerate(draft.authors)
    ]
    taggings = [(pk, tag) for pk, draft in zip(ids, drafts, strict=True) for tag in draft.tags]
    return (
        insert_rows(ArticleAuthor, ["sort_order", "page", "author"], bylines),
        insert_rows(ArticleTag, ["content_object", "tag"], taggings),
    )


def write_terms(paper: Paper, ids: list[int], drafts: list[Draft]) -> tuple[int, dict]:
    rows, first = [], None
    for pk, draft in zip(ids, drafts, strict=True):
        terms = terms_of(draft, paper.tag_slugs)
        first = first or (pk, terms)
        rows.extend((pk, term, weight) for term, weight in terms.items())
    # In the order of the (term, article) unique index, which then grows at its
    # ends instead of at random places all over: a third faster on SQLite.
    rows.sort(key=lambda row: (row[1], row[0]))
    return insert_rows(ArticleTerm, ["article", "term", "weight"], rows), first


def check_terms(pk: int, terms: dict) -> None:
    """Fail loudly if the fast term counting here has drifted from related.extract_terms."""
    article = ArticlePage.objects.get(pk=pk)
    expected = related.extract_terms(article)
    if expected.keys() != terms.keys() or any(
        not math.isclose(expected[term], terms[term]) for term in terms
    ):
        raise RuntimeError(
            "bench.corpus no longer counts terms as kronika.news.related.extract_terms does; "
            "update bench.corpus.prose.terms_of."
        )


def verify(paper: Paper, sample: int) -> None:
    for section in paper.sections:
        section.refresh_from_db()
        if section.get_children().count() != section.numchild:
            raise RuntimeError(f"Section {section.slug}: numchild does not match its children.")
    article = ArticlePage.objects.get(pk=sample)
    section = article.get_parent()
    if not ArticlePage.objects.published().in_section(section).filter(pk=sample).exists():
        raise RuntimeError(f"Article {sample} is not published in its section.")
    if not article.url or not article.url.endswith(f"/{section.slug}/{article.slug}/"):
        raise RuntimeError(f"Article {sample} has the address {article.url}.")
