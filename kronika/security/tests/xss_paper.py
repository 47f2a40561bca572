"""A paper whose every input holds the payloads of xss_payloads, each with its marker.

Every stored value is "<marker> <payload>", the marker naming the payload and
the input: zx042hl is payload 42 in a headline. Markers are plain words, so
they show wherever the value does, escaped or not, and tell which payloads
reached a page. Each article, section, author and picture carries four
payloads in each of its fields; the fields too short for four (120 characters:
the dateline, the paper's name and its Telegram promo title) take the first
two of each four.
"""

import io
import json
from dataclasses import dataclass, field

from django.core.files.images import ImageFile
from django.test import override_settings
from modelsearch.index import insert_or_update_object
from PIL import Image

from kronika.base.models import KronikaImage
from kronika.news.models import Author, SectionPage
from kronika.security.tests.xss_payloads import PAYLOADS
from kronika.testing import build_article

PER_ARTICLE = 4
PER_SECTION = 4
PER_AUTHOR = 4
PER_IMAGE = 4
ARTICLES_PER_SECTION = 10
SHORT_INPUTS = frozenset({"dl", "pn", "pp"})
SHORT = 2
SEARCH_WORD = "carrier"
SAFE_EMBED = "https://video.example/v/1"
SEARCHABLE = 40  # articles put in the search index; indexing all would take minutes
# Saving pages and pictures queues background jobs (the search index) that have
# nothing to do with what a page shows; while the paper is built they never run.
WITHOUT_BACKGROUND_JOBS = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
)

# Each input by its two-letter code, as its markers spell it.
INPUTS = {
    "cn": "comment name",
    "cb": "comment body",
    "hl": "headline",
    "st": "standfirst",
    "se": "SEO title",
    "sd": "search description",
    "lt": "listing title",
    "dl": "dateline",
    "hc": "hero caption",
    "rp": "rich text (stored HTML)",
    "rl": "rich text link (stored href)",
    "dp": "rich text (editor, Draftail)",
    "dh": "rich text link (editor, Draftail)",
    "ht": "heading block",
    "qt": "quote block: quote",
    "qa": "quote block: attribution",
    "fc": "image block: caption",
    "fr": "image block: credit",
    "eu": "embed block: URL",
    "et": "embed block: title",
    "ec": "embed block: caption",
    "gc": "gallery block: caption",
    "gi": "gallery block: a picture's caption",
    "tc": "table block: cell",
    "tt": "table block: caption",
    "cc": "code block: code",
    "cl": "code block: language",
    "hb": "HTML block (stored HTML)",
    "tg": "tag",
    "an": "author name",
    "ab": "author bio",
    "sn": "section title",
    "si": "section intro",
    "it": "image title",
    "ia": "image alt text (description)",
    "ir": "image credit",
    "pn": "paper name",
    "pt": "paper tagline",
    "pp": "Telegram promo title",
    "px": "Telegram promo text",
}


def marker(index: int, code: str) -> str:
    return f"zx{index:03d}{code}"


def tagged(code: str, indexes) -> str:
    """The payloads at `indexes`, each after its marker for input `code`."""
    if code in SHORT_INPUTS:
        indexes = indexes[:SHORT]
    return " ".join(f"{marker(i, code)} {PAYLOADS[i]}" for i in indexes)


def carried(code: str, indexes) -> int:
    """How many of the payloads at `indexes` input `code` holds."""
    return min(len(indexes), SHORT) if code in SHORT_INPUTS else len(indexes)


def expected(code: str) -> set[int]:
    """The payloads that input `code` receives."""
    if code in SHORT_INPUTS:
        return {i for i in range(len(PAYLOADS)) if i % PER_ARTICLE < SHORT}
    return set(range(len(PAYLOADS)))


def chunks(size: int) -> list[range]:
    return [
        range(start, min(start + size, len(PAYLOADS))) for start in range(0, len(PAYLOADS), size)
    ]


@dataclass
class Injected:
    """Which payloads went into which input, and by which path."""

    counts: dict[str, int] = field(default_factory=dict)
    through_admin: dict[str, int] = field(default_factory=dict)

    def add(self, code: str, number: int = 1, *, admin: bool = False):
        self.counts[code] = self.counts.get(code, 0) + number
        if admin:
            self.through_admin[code] = self.through_admin.get(code, 0) + number

    def report(self) -> str:
        lines = [f"{'input':<34} {'payloads':>8} {'via admin':>9}"]
        for code, name in INPUTS.items():
            if code not in self.counts:
                continue
            lines.append(
                f"{name:<34} {self.counts.get(code, 0):>8} {self.through_admin.get(code, 0):>9}"
            )
        return "\n".join(lines)


def tiny_image(indexes) -> KronikaImage:
    # A few pixels: a page shows each picture in up to a dozen renditions.
    buffer = io.BytesIO()
    Image.new("RGB", (48, 27), "#446688").save(buffer, "JPEG")
    image = KronikaImage(
        title=tagged("it", indexes),
        description=tagged("ia", indexes),
        credit=tagged("ir", indexes),
        file=ImageFile(buffer, name="payload.jpg"),
    )
    image.save()
    return image


def article_body(indexes, image) -> str:
    blocks = []
    for i in indexes:
        payload = PAYLOADS[i]
        blocks += [
            # Stored as an import stores rich text: HTML pasted in, unchecked.
            {"type": "paragraph", "value": f"<p>{marker(i, 'rp')} {payload}</p>"},
            {"type": "paragraph", "value": f'<p><a href="{payload}">{marker(i, "rl")}</a></p>'},
            {"type": "heading", "value": {"text": tagged("ht", [i]), "level": "h2"}},
            {
                "type": "quote",
                "value": {"quote": tagged("qt", [i]), "attribution": tagged("qa", [i])},
            },
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "caption": tagged("fc", [i]),
                    "credit": tagged("fr", [i]),
                },
            },
            {"type": "embed", "value": {"url": payload, "title": marker(i, "eu"), "caption": ""}},
            {
                "type": "embed",
                "value": {
                    "url": SAFE_EMBED,
                    "title": tagged("et", [i]),
                    "caption": tagged("ec", [i]),
                },
            },
            {
                "type": "gallery",
                "value": {
                    "images": [{"image": image.pk, "caption": tagged("gi", [i])}],
                    "caption": tagged("gc", [i]),
                },
            },
            {
                "type": "table",
                "value": {
                    "data": [[tagged("tc", [i]), payload], [payload, ""]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "table_header_choice": "both",
                    "table_caption": tagged("tt", [i]),
                },
            },
            {"type": "code", "value": {"language": tagged("cl", [i]), "code": tagged("cc", [i])}},
            {"type": "html", "value": f"<p>{marker(i, 'hb')} {payload}</p>"},
        ]
    return json.dumps(blocks)


ARTICLE_CODES = ("hl", "st", "se", "sd", "lt", "dl", "hc", "rp", "rl", "ht", "qt", "qa")
ARTICLE_CODES += ("fc", "fr", "eu", "et", "ec", "tg")
# The blocks an import stores and the admin's sample does not write.
STORED_BLOCK_CODES = ("gc", "gi", "tc", "tt", "cc", "cl", "hb")
ARTICLE_CODES += STORED_BLOCK_CODES


def paper_fields(indexes) -> dict:
    return {"name": tagged("pn", indexes), "tagline": tagged("pt", indexes)}


def channel_fields(indexes) -> dict:
    return {"promo_title": tagged("pp", indexes), "promo_text": tagged("px", indexes)}


def article_fields(indexes) -> dict:
    return {
        "title": f"{tagged('hl', indexes)} {SEARCH_WORD}",
        "standfirst": f"{tagged('st', indexes)} {SEARCH_WORD}",
        "seo_title": tagged("se", indexes),
        "search_description": tagged("sd", indexes),
        "listing_title": tagged("lt", indexes),
        "dateline": tagged("dl", indexes),
        "hero_caption": tagged("hc", indexes),
    }


@dataclass
class PayloadPaper:
    sections: list = field(default_factory=list)
    authors: list = field(default_factory=list)
    images: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    injected: Injected = field(default_factory=Injected)

    @classmethod
    def build(cls, home, when) -> "PayloadPaper":
        """Everything stored as an import would store it, straight into the database, live."""
        paper = cls()
        with WITHOUT_BACKGROUND_JOBS:
            paper._build(home, when)
        for article in paper.articles[:SEARCHABLE]:
            insert_or_update_object(article)
        return paper

    def _build(self, home, when):
        for number, indexes in enumerate(chunks(PER_SECTION)):
            section = SectionPage(
                title=tagged("sn", indexes),
                slug=f"s{number}",
                intro=tagged("si", indexes),
                show_in_menus=number < 3,
            )
            home.add_child(instance=section)
            self.sections.append(section)
            self.injected.add("sn", len(indexes))
            self.injected.add("si", len(indexes))
        for number, indexes in enumerate(chunks(PER_AUTHOR)):
            self.authors.append(
                Author.objects.create(
                    name=tagged("an", indexes),
                    slug=f"author-{number}",
                    bio=tagged("ab", indexes),
                )
            )
            self.injected.add("an", len(indexes))
            self.injected.add("ab", len(indexes))
        for indexes in chunks(PER_IMAGE):
            self.images.append(tiny_image(indexes))
            for code in ("it", "ia", "ir"):
                self.injected.add(code, len(indexes))
        for number, indexes in enumerate(chunks(PER_ARTICLE)):
            first = indexes[0]
            image = self.images[first // PER_IMAGE]
            author = self.authors[first // PER_AUTHOR]
            fields = article_fields(indexes)
            section = self.sections[number // ARTICLES_PER_SECTION]
            article = build_article(
                section,
                fields.pop("title"),
                slug=f"a{number}",
                when=when(number),
                last_published_at=when(number),
                live=True,
                tags=[tagged("tg", [i]) for i in indexes],
                authors=[author],
                hero_image=image,
                body=article_body(indexes, image),
                **fields,
            )
            section.add_child(instance=article)
            self.articles.append(article)
            for code in ARTICLE_CODES:
                self.injected.add(code, carried(code, indexes))

    def payloads_of(self, article) -> range:
        return chunks(PER_ARTICLE)[self.articles.index(article)]
