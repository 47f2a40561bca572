"""A large synthetic archive for the benchmark, added to the demo paper with bulk inserts.

`generate(100_000)` gives the demo paper ten years of back issues: articles of
realistic length with bylines, tags, pictures, related-articles lists and
search index entries, all older than the articles already there, so the front
of the paper stays as the demo wrote it.

Saving pages one at a time through Wagtail costs tens of milliseconds each, so
rows are written directly. A Wagtail page is two rows (wagtailcore_page and
news_articlepage), and Django's bulk_create refuses multi-table models, so both
are written as plain rows whose values the models' own fields prepare (see
`Rows`). No signals are sent, so what a published article gets from them is
filled in here: its related-articles terms and stored list, and its search
index entry. No revisions are created: reader pages never read them, and the
admin edits a page that has none.
"""

import math
import multiprocessing
import os
import random
import time
import uuid
from bisect import bisect
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import accumulate

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction
from django.db.models import AutoField, F, Min
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.index import BaseField
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from kronika.news import related
from kronika.news.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    ArticleTerm,
    Author,
    HomePage,
    RelatedArticle,
    SectionPage,
)
from kronika.search import stemming

BATCH = 5_000
INDEX_CHUNK = 1_000
MAX_INDEXERS = 4
GENERATED_AUTHORS = 300
TAGS = 2_000
CONTENT_WORDS = 3_500
SENTENCE_POOL = 30_000
YEARS = 10
BODY_CHARS = (3_400, 4_600)
WITH_PICTURE = 0.7
# Related lists are drawn from the articles published nearest in time under
# each shared tag, this many on either side.
TAG_NEIGHBOURS = 12

# Listed by frequency: the first is the commonest. The text never contains & < > " or ',
# so paragraphs need no escaping and read back through strip_tags unchanged.
FUNCTION_WORDS = """
    the of and to in a is that for on was with as by at from it be has have are were
    said will not but after its their who which this an or had more than would been also
    into over new two three last first could about when they he she we his her there what
    up out if no so can all one other some only most now year people government minister
    city police court company state country week while under since before between during
    against local public national
""".split()
PLACES = [
    ("Vilnius", "Vilniaus", "Vilniuje", "Vilnių"),
    ("Kaunas", "Kauno", "Kaune"),
    ("Klaipėda", "Klaipėdos", "Klaipėdoje"),
    ("Šiauliai", "Šiaulių", "Šiauliuose"),
    ("Panevėžys", "Panevėžio"),
    ("Riga", "Rīgas"),
    ("Tallinn", "Tallinna"),
    ("Tartu",),
    ("Daugavpils",),
    ("Liepāja", "Liepājas"),
    ("Jelgava", "Jelgavas"),
    ("Ventspils",),
    ("Narva",),
    ("Pärnu",),
    ("Gdańsk",),
    ("Helsinki",),
]
FIRST_NAMES = [
    "Rūta Ieva Eglė Aistė Gintarė Tomas Mantas Darius Jonas Vytautas".split(),
    "Līga Ilze Anna Kristīne Zane Jānis Mārtiņš Andris Edgars Kārlis".split(),
    "Kadri Kati Maarja Liis Triin Andres Jaan Tanel Margus Rein".split(),
    "Agnieszka Magdalena Katarzyna Ewa Joanna Tomasz Piotr Marek Paweł Krzysztof".split(),
]
SURNAMES = [
    "Kazlauskaitė Petrauskienė Jankauskas Stankevičius Vasiliauskas Žukauskas Butkus "
    "Paulauskas Urbonas Navickas".split(),
    "Bērziņa Ozols Kalniņš Liepiņa Krūmiņš Zariņa Pētersons Vītols Jansons Kļaviņa".split(),
    "Tamm Kask Saar Sepp Mägi Rebane Ilves Kukk Lepik Kuusk".split(),
    "Zieliński Nowak Kowalska Wiśniewski Wójcik Kamińska Lewandowski Dąbrowska Szymański "
    "Woźniak".split(),
]
ROLES = [
    "a spokesperson for the ministry",
    "the mayor",
    "an economist",
    "a professor at the university",
    "a union leader",
    "a local resident",
    "the chief executive",
    "a police spokesperson",
    "an opposition lawmaker",
    "the head of the association",
]
ONSETS = [*"b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr r s".split(), ""]
ONSETS += [*"sc sh sl sp st str t th tr v w".split(), "", "", ""]
NUCLEI = "a e i o u a e i o ea ai ou io".split()
CODAS = [*"n r s t l m nd nt st rk ng ck ll".split(), "", "", "", "", "", ""]
SUFFIXES = [*"ing ment tion er ly ed s al ist ity".split(), *[""] * 12]


class Zipf:
    """Picks from a ranked list, the first item most often, as word use goes."""

    def __init__(self, items, exponent: float = 1.0):
        self.items = list(items)
        self._bounds = list(accumulate(1 / (rank + 1) ** exponent for rank in range(len(items))))

    def pick(self, rng: random.Random):
        return self.items[bisect(self._bounds, rng.random() * self._bounds[-1])]


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    lengths = {}
    reserved = set(FUNCTION_WORDS)
    while len(lengths) < count:
        syllables = rng.choice((1, 2, 2, 2, 3))
        word = "".join(
            rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS) for _ in range(syllables)
        )
        word += rng.choice(SUFFIXES)
        if 3 <= len(word) <= 13 and word not in reserved:
            lengths.setdefault(word, len(word) + 4 * rng.random())
    # Short words are the common ones, as in natural languages.
    return sorted(lengths, key=lengths.get)


class Vocabulary:
    """The words, tags and names of the archive, all fixed by the seed.

    `render` builds its search queries from the same vocabulary, so it knows
    which words are common and which are rare.
    """

    def __init__(self, seed: int = 1):
        rng = random.Random(f"kronika-bench-vocabulary:{seed}")  # noqa: S311 - not a secret
        self.content = Zipf(_pseudo_words(rng, CONTENT_WORDS))
        self.function = Zipf(FUNCTION_WORDS)
        self.places = Zipf(PLACES, exponent=0.8)
        self.tag_names = self._tag_names(rng)
        self.author_names = self._author_names(rng)

    def _tag_names(self, rng: random.Random) -> list[str]:
        words = self.content.items
        places = [forms[0] for forms in PLACES]
        singles = words[40 : 40 + TAGS - len(places) - 300]
        pairs = set()
        while len(pairs) < 300:
            pairs.add(f"{rng.choice(words[100:1000])} {rng.choice(words[100:1000])}")
        names = [*singles, *sorted(pairs), *places]
        rng.shuffle(names)  # the order is the tags' popularity
        return names

    def _author_names(self, rng: random.Random) -> list[str]:
        names = [
            f"{first} {last}"
            for firsts, lasts in zip(FIRST_NAMES, SURNAMES, strict=True)
            for first in firsts
            for last in lasts
        ]
        return rng.sample(names, GENERATED_AUTHORS)

    def place(self, rng: random.Random, *, inflected: bool = True) -> str:
        forms = self.places.pick(rng)
        return rng.choice(forms) if inflected and rng.random() < 0.3 else forms[0]

    def token(self, rng: random.Random) -> str:
        roll = rng.random()
        if roll < 0.40:
            return self.function.pick(rng)
        if roll < 0.43:
            return self.place(rng)
        if roll < 0.45:
            return str(rng.choice((rng.randint(2, 99), rng.randint(100, 9999))))
        return self.content.pick(rng)

    def phrase(self, rng: random.Random, words: int, topic=()) -> str:
        tokens = [self.token(rng) for _ in range(words)]
        for word in topic:
            tokens.insert(rng.randrange(len(tokens) + 1), word)
        if len(tokens) > 10 and rng.random() < 0.5:
            comma = rng.randrange(3, len(tokens) - 3)
            tokens[comma] += ","
        text = " ".join(tokens)
        return text[0].upper() + text[1:]

    def sentence(self, rng: random.Random, words: int, topic=()) -> str:
        return self.phrase(rng, words, topic) + "."

    def person(self, rng: random.Random) -> str:
        group = rng.randrange(len(FIRST_NAMES))
        return f"{rng.choice(FIRST_NAMES[group])} {rng.choice(SURNAMES[group])}"


def _counted(text: str) -> tuple[str, Counter]:
    """A text with the word counts that related.extract_terms would take from it."""
    return text, Counter(
        word for word in related._WORD.findall(text.casefold()) if word not in related.STOPWORDS
    )


@dataclass
class Draft:
    """One article before it becomes rows."""

    title: str
    slug: str
    standfirst: str
    body: list[dict]
    counts: list[Counter]  # the words of title, standfirst and body blocks, in text order
    dateline: str
    section: int
    tags: list[int]
    authors: list[int]
    picture: int | None
    first_published_at: datetime
    last_published_at: datetime


class Writer:
    """Writes articles from a pool of sentences, so 100,000 of them take seconds.

    Each paragraph also gets one fresh sentence about the article's own tags,
    which makes the article's distinctive words its topic, as in real news.
    """

    def __init__(self, vocabulary: Vocabulary, rng: random.Random):
        self.vocabulary = vocabulary
        self.rng = rng
        self.pool = [
            _counted(vocabulary.sentence(rng, rng.randint(8, 22))) for _ in range(SENTENCE_POOL)
        ]

    def _paragraph(self, topic: list[str]) -> list[tuple[str, Counter]]:
        rng = self.rng
        sentences = [rng.choice(self.pool) for _ in range(rng.randint(3, 5))]
        fresh = self.vocabulary.sentence(rng, rng.randint(7, 14), rng.sample(topic, 1))
        sentences.insert(rng.randrange(len(sentences) + 1), _counted(fresh))
        return sentences

    def body(self, topic: list[str]) -> tuple[list[dict], list[Counter]]:
        """Paragraphs with a heading now and then and perhaps a quote, ~4,000 characters."""
        rng, vocabulary = self.rng, self.vocabulary
        blocks, counts = [], []
        target = rng.randint(*BODY_CHARS)
        quote_after = rng.randint(2, 5) if rng.random() < 0.6 else None
        length = paragraphs = 0
        while length < target:
            if paragraphs and paragraphs % 3 == 0 and rng.random() < 0.5:
                text, words = _counted(vocabulary.phrase(rng, rng.randint(3, 6), topic[:1]))
                blocks.append({"type": "heading", "value": {"text": text, "level": "h2"}})
                counts.append(words)
            sentences = self._paragraph(topic)
            text = " ".join(sentence for sentence, _ in sentences)
            blocks.append({"type": "paragraph", "value": f"<p>{text}</p>"})
            counts.extend(words for _, words in sentences)
            length += len(text)
            paragraphs += 1
            if paragraphs == quote_after:
                quote, words = rng.choice(self.pool)
                attribution = f"{vocabulary.person(rng)}, {rng.choice(ROLES)}"
                blocks.append(
                    {"type": "quote", "value": {"quote": quote, "attribution": attribution}}
                )
                counts.append(words)
        return blocks, counts

    def headline(self, topic: list[str]) -> str:
        rng = self.rng
        extra = [self.vocabulary.place(rng, inflected=False)] if rng.random() < 0.3 else []
        words = rng.randint(6, 12) - 1 - len(extra)
        return self.vocabulary.phrase(rng, words, [topic[0], *extra]).rstrip(",")

    def standfirst(self, topic: list[str]) -> str:
        rng = self.rng
        first = self.vocabulary.sentence(rng, rng.randint(12, 22), topic[:2])
        if rng.random() < 0.5:
            return first
        return f"{first} {rng.choice(self.pool)[0]}"


def _terms(draft: Draft, tag_slugs: dict[int, str]) -> dict:
    """What related.extract_terms gives for the article, from counts made once per sentence.

    Counters are added in the order of the article's text, so ties in
    most_common() fall as they do when extract_terms counts the whole text.
    """
    words = Counter()
    for counts in draft.counts:
        words.update(counts)
    terms = {
        word: 1.0 + math.log(count) for word, count in words.most_common(related.WORDS_PER_ARTICLE)
    }
    for tag in draft.tags:
        terms[f"#{tag_slugs[tag]}"] = related.TAG_WEIGHT
    return terms


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


def _insert_rows(model, fields: list[str], rows: list[tuple]) -> int:
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


class Paper:
    """What the archive is added to: the demo paper's sections, authors, tags and pictures."""

    def __init__(self, vocabulary: Vocabulary):
        home = HomePage.objects.first()
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


@contextmanager
def _phase(seconds: dict, name: str):
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start


def _drafts(
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
        title_counts = _counted(title)[1]
        updated = moment + timedelta(hours=rng.uniform(1, 72)) if rng.random() < 0.12 else moment
        draft = Draft(
            title=title,
            slug=f"{slugify(title)[:60].rstrip('-')}-{_base36(serial + offset)}",
            standfirst=standfirst,
            body=body,
            # extract_terms reads the headline twice, then the standfirst and the body.
            counts=[title_counts, title_counts, _counted(standfirst)[1], *body_counts],
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


def _write_pages(paper: Paper, drafts: list[Draft]) -> list[int]:
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
    _insert_rows(
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
    _insert_rows(
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


def _write_links(ids: list[int], drafts: list[Draft]) -> tuple[int, int]:
    bylines = [
        (order, pk, author)
        for pk, draft in zip(ids, drafts, strict=True)
        for order, author in enumerate(draft.authors)
    ]
    taggings = [(pk, tag) for pk, draft in zip(ids, drafts, strict=True) for tag in draft.tags]
    return (
        _insert_rows(ArticleAuthor, ["sort_order", "page", "author"], bylines),
        _insert_rows(ArticleTag, ["content_object", "tag"], taggings),
    )


def _write_terms(paper: Paper, ids: list[int], drafts: list[Draft]) -> tuple[int, dict]:
    rows, first = [], None
    for pk, draft in zip(ids, drafts, strict=True):
        terms = _terms(draft, paper.tag_slugs)
        first = first or (pk, terms)
        rows.extend((pk, term, weight) for term, weight in terms.items())
    # In the order of the (term, article) unique index, which then grows at its
    # ends instead of at random places all over: a third faster on SQLite.
    rows.sort(key=lambda row: (row[1], row[0]))
    return _insert_rows(ArticleTerm, ["article", "term", "weight"], rows), first


def _check_terms(pk: int, terms: dict) -> None:
    """Fail loudly if the fast term counting here has drifted from related.extract_terms."""
    article = ArticlePage.objects.get(pk=pk)
    expected = related.extract_terms(article)
    if expected.keys() != terms.keys() or any(
        not math.isclose(expected[term], terms[term]) for term in terms
    ):
        raise RuntimeError(
            "bench.corpus no longer counts terms as kronika.news.related.extract_terms does; "
            "update bench.corpus._terms."
        )


@dataclass
class Filed:
    """What the related lists are drawn from: one generated article, in publication order."""

    pk: int
    section: int
    tags: list[int]


def _related_lists(filed: list[Filed]):
    """Eight related articles for each generated one, from its tags' postings near it in time.

    A cheap stand-in for find_related: articles sharing more and rarer tags
    rank higher, as with the real index, and the section's neighbours fill up
    a list that tags alone cannot. Yields each article's rows, in `filed` order.
    """
    postings, by_section = defaultdict(list), defaultdict(list)
    places = []
    for index, article in enumerate(filed):
        places.append(
            ([(tag, len(postings[tag])) for tag in article.tags], len(by_section[article.section]))
        )
        for tag in article.tags:
            postings[tag].append(index)
        by_section[article.section].append(index)
    for index, article in enumerate(filed):
        tag_places, section_place = places[index]
        scores = defaultdict(float)
        for tag, place in tag_places:
            posting = postings[tag]
            idf = math.log(1 + len(filed) / len(posting))
            for other in posting[max(0, place - TAG_NEIGHBOURS) : place + TAG_NEIGHBOURS + 1]:
                scores[other] += related.TAG_WEIGHT * idf
        scores.pop(index, None)
        for other in scores:
            if filed[other].section == article.section:
                scores[other] += related.SAME_SECTION_BONUS
        ranked = sorted(scores.items(), key=lambda item: (item[1], item[0]), reverse=True)
        ranked = ranked[: related.STORED]
        if len(ranked) < related.STORED:
            chosen = {index, *dict(ranked)}
            fill = _section_fill(by_section[article.section], section_place, chosen)
            ranked += fill[: related.STORED - len(ranked)]
        yield [
            (article.pk, filed[other].pk, rank, score)
            for rank, (other, score) in enumerate(ranked)
        ]


def _section_fill(section: list[int], place: int, chosen: set[int]) -> list[tuple[int, float]]:
    nearby = section[max(0, place - related.STORED) : place + related.STORED + 1]
    return [(other, 0.0) for other in sorted(nearby, reverse=True) if other not in chosen]


@contextmanager
def _search_fields_read_once():
    """Index with each search field read once per article instead of once per index column.

    Indexing is the slowest phase. modelsearch's ObjectIndexer reads every
    search field of an article for each column it fills (3 on SQLite, 5 on
    PostgreSQL), and ArticlePage.search_stems renders the whole body and stems
    each of its words every time: 10.7 ms an article on SQLite, most of it in
    search_stems. Memoising BaseField.get_value per field and object, and the
    pure stemming.stem per word, writes the same index entries in 1.7-2.0 ms.
    Both are restored on leaving; the memo is only valid while the objects it
    was filled from are alive, hence one use per chunk.
    """
    original_get_value, original_stem = BaseField.get_value, stemming.stem
    values = {}

    def get_value(field, obj):
        key = (id(field), id(obj))
        if key not in values:
            values[key] = original_get_value(field, obj)
        return values[key]

    BaseField.get_value = get_value
    stemming.stem = lru_cache(maxsize=None)(original_stem)
    try:
        yield
    finally:
        BaseField.get_value, stemming.stem = original_get_value, original_stem


def _index(ids: list[int]) -> None:
    backend = get_search_backend()
    for start in range(0, len(ids), INDEX_CHUNK):
        # ArticlePage.get_indexed_objects() prefetches the bylines but not their
        # authors, which would cost a query per byline.
        articles = list(
            ArticlePage.objects.filter(pk__in=ids[start : start + INDEX_CHUNK])
            .order_by("pk")
            .prefetch_related("tags", "article_authors__author")
        )
        with _search_fields_read_once():
            backend.add_bulk(ArticlePage, articles)


def _index_chunk(ids: list[int]) -> int:
    if connection.vendor == "sqlite":
        # Each indexer holds the write lock for a whole chunk; on a busy
        # machine the others wait longer than the app's 5 s for it.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout = 600000")
    _index(ids)
    return len(ids)


def _index_in_parallel(ids: list[int], advance) -> None:
    """Index the articles in a process per CPU, a chunk at a time.

    Even reading each field once, indexing costs about 2.3 ms an article on
    SQLite, most of it in Python (loading the article, rendering and stemming
    its body), which processes do side by side; only the inserts wait for each
    other. So no transaction is opened around a chunk (on SQLite
    it would hold the write lock from the start): add_bulk inserts the chunk's
    entries in one. Where fork is not available, the chunks are indexed here.
    """
    chunks = [ids[start : start + INDEX_CHUNK] for start in range(0, len(ids), INDEX_CHUNK)]
    processes = min(os.cpu_count() or 1, MAX_INDEXERS, len(chunks))
    if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in chunks:
            with transaction.atomic():
                advance(_index_chunk(chunk))
        return
    # Each process opens its own connection; a shared one would be corrupted.
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for count in pool.imap_unordered(_index_chunk, chunks):
            advance(count)


def _unindexed_articles() -> list[int]:
    """Published articles missing from the search index (the demo leaves that to the worker)."""
    content_type = ContentType.objects.get_for_model(ArticlePage)
    indexed = set(
        IndexEntry.objects.filter(content_type=content_type).values_list("object_id", flat=True)
    )
    return sorted(
        pk
        for pk in ArticlePage.objects.published().values_list("pk", flat=True)
        if str(pk) not in indexed
    )


def _verify(paper: Paper, sample: int) -> None:
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


def generate(articles: int, *, seed: int = 1, progress=None) -> dict:
    """Add `articles` published articles to the paper's archive; returns counts and seconds.

    Deterministic for a seed and a database. Running it again adds another
    batch, older still, with new slugs. `progress(done, total)` is called after
    every batch of every phase; `total` is three times `articles` (pages, related lists,
    search index).
    """
    seconds = {}
    started = time.perf_counter()
    total, done = 3 * articles, 0

    def advance(count):
        nonlocal done
        done += count
        if progress:
            progress(done, total)

    vocabulary = Vocabulary(seed)
    with _phase(seconds, "authors_tags"), transaction.atomic():
        paper = Paper(vocabulary)
    rng = random.Random(f"kronika-bench-articles:{seed}:{paper.existing_articles}")  # noqa: S311
    with _phase(seconds, "text"):
        writer = Writer(vocabulary, rng)
        span = (paper.until - paper.since).total_seconds()
        moments = sorted(
            paper.since + timedelta(seconds=rng.random() * span) for _ in range(articles)
        )

    counts = Counter(articles=articles, authors=paper.new_authors, tags=paper.new_tags)
    filed: list[Filed] = []
    for start in range(0, articles, BATCH):
        with _phase(seconds, "text"):
            serial = paper.existing_articles + start + 1
            drafts = _drafts(paper, writer, vocabulary, moments[start : start + BATCH], serial)
        with transaction.atomic():
            with _phase(seconds, "pages"):
                ids = _write_pages(paper, drafts)
                bylines, taggings = _write_links(ids, drafts)
            with _phase(seconds, "terms"):
                terms, first = _write_terms(paper, ids, drafts)
                if start == 0:
                    _check_terms(*first)
        counts.update(bylines=bylines, taggings=taggings, terms=terms)
        filed += [
            Filed(pk, draft.section, draft.tags) for pk, draft in zip(ids, drafts, strict=True)
        ]
        advance(len(drafts))

    with _phase(seconds, "related"):
        lists = _related_lists(filed)
        for start in range(0, len(filed), BATCH):
            batch = min(BATCH, len(filed) - start)
            rows = [row for _ in range(batch) for row in next(lists)]
            with transaction.atomic():
                counts["related"] += _insert_rows(
                    RelatedArticle, ["article", "related", "rank", "score"], rows
                )
            advance(batch)

    with _phase(seconds, "search_index"):
        ids = [article.pk for article in filed]
        _index_in_parallel(ids, advance)
        missing = _unindexed_articles()
        with transaction.atomic():
            _index(missing)
            get_search_backend().add_bulk(Author, list(Author.objects.all()))
        counts["indexed"] = len(ids) + len(missing)

    with _phase(seconds, "analyze"), connection.cursor() as cursor:
        # Query plans as the served paper has them: `kronika serve` analyses a
        # SQLite database when it starts, and autovacuum a PostgreSQL one soon
        # after a bulk load (at some moment during the benchmark otherwise).
        cursor.execute("ANALYZE")
    if filed:
        _verify(paper, filed[len(filed) // 2].pk)
    seconds["total"] = time.perf_counter() - started
    return {
        **counts,
        "window": [paper.since.isoformat(), paper.until.isoformat()],
        "seconds": {name: round(value, 2) for name, value in seconds.items()},
    }
