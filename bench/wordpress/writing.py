"""News-like posts and comments, as WordPress's block and classic editors save them."""

import html
import random
import unicodedata
from collections import deque
from collections.abc import Iterator
from datetime import datetime

from bench.wordpress.words import (
    CODE_SAMPLE,
    COMMENT_TEXTS,
    FACTS,
    FIRST_NAMES,
    HEADINGS,
    LIST_ITEMS,
    MONTHS,
    OBJECTS,
    PLACES,
    ROLES,
    SAYINGS,
    SUBJECTS,
    SURNAMES,
    TAILS,
    THINGS,
    TOPIC_OBJECTS,
    TOPIC_SENTENCES,
    VERBS,
)

CONTENT_CHARS = (2_800, 4_000)


def slugify(text: str) -> str:
    """WordPress's sanitize_title: accents dropped, lower case, hyphens between words."""
    text = text.replace("'", "").replace("\u2019", "")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in folded.lower()).split()
    return "-".join(words)


def cdata(text: str) -> str:
    """Text in a CDATA section, as WordPress's wxr_cdata writes it: any ]]> split in two."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def wp_date(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def rfc822(moment: datetime) -> str:
    return moment.strftime("%a, %d %b %Y %H:%M:%S +0000")


class Writer:
    """News-like English from templates; every word is a real one."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.people = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
        # A pool of filled-in sentences keeps 50,000 posts to a few seconds.
        self.sentences = [self._sentence() for _ in range(4_000)]
        self.facts = [self.fill(rng.choice(FACTS)) for _ in range(2_000)]

    def fill(self, template: str, topic: str = "") -> str:
        rng = self.rng
        return template.format(
            topic=topic,
            place=rng.choice(PLACES),
            year=rng.randint(1995, 2024),
            count=rng.choice((12, 40, 150, 300, 1_200, 5_000, 25_000)),
            percent=rng.randint(2, 35),
            month=rng.choice(MONTHS),
            thing=rng.choice(THINGS),
        )

    def _sentence(self) -> str:
        rng = self.rng
        subject = self.fill(rng.choice(SUBJECTS))
        verb = rng.choice(VERBS)[0]
        tail = self.fill(rng.choice(TAILS))
        text = f"{subject} {verb} {self.fill(rng.choice(OBJECTS))}"
        return f"{capitalised(text)}{' ' + tail if tail else ''}."

    def headline(self, topics: list[str]) -> str:
        rng = self.rng
        subject = rng.choice(SUBJECTS)
        # Headlines say "Residents reject", "Council rejects".
        head = subject.split(" in ")[0].split(" of ")[0].split(" at ")[0].split()[-1]
        present = rng.choice(VERBS)[1]
        plural = present[:-2] if present.endswith("shes") else present[:-1]
        verb = plural if head.endswith("s") or head == "police" else present
        if rng.random() < 0.6:
            what = self.fill(rng.choice(TOPIC_OBJECTS), topics[0])
        else:
            what = self.fill(rng.choice(OBJECTS))
        return capitalised(f"{self.fill(subject).removeprefix('the ')} {verb} {what}")

    def quote(self) -> tuple[str, str]:
        rng = self.rng
        return self.fill(rng.choice(SAYINGS)), f"{rng.choice(self.people)}, {rng.choice(ROLES)}"

    def paragraph(self, topics: list[str]) -> str:
        """Escaped HTML text of three to six sentences, one on a topic of the post, a quote
        among them now and then."""
        rng = self.rng
        sentences = [
            rng.choice(self.sentences if rng.random() < 0.6 else self.facts)
            for _ in range(rng.randint(2, 5))
        ]
        about = self.fill(rng.choice(TOPIC_SENTENCES), rng.choice(topics))
        sentences.insert(rng.randrange(len(sentences) + 1), capitalised(about))
        if rng.random() < 0.25:
            saying, speaker = self.quote()
            sentences.insert(rng.randrange(len(sentences) + 1), f"“{saying},” said {speaker}.")
        return html.escape(" ".join(sentences), quote=False)

    def inline(self, text: str, links: deque) -> str:
        """Some emphasis and, now and then, a link to an earlier post, as editors add them."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.15 and links:
            url, title = rng.choice(links)
            return f'{text} Read more: <a href="{html.escape(url)}">{html.escape(title)}</a>.'
        if roll < 0.3:
            first, _, rest = text.partition(". ")
            return f"<strong>{first}.</strong> {rest}" if rest else text
        if roll < 0.4:
            return f"{text} <em>{html.escape(self.fill(rng.choice(FACTS)))}</em>"
        return text

    def items(self) -> list[str]:
        rng = self.rng
        picked = rng.sample(LIST_ITEMS, rng.randint(3, 5))
        return [html.escape(capitalised(self.fill(item)), quote=False) for item in picked]

    def heading(self) -> str:
        return html.escape(self.fill(self.rng.choice(HEADINGS)), quote=False)

    def comment(self) -> str:
        rng = self.rng
        lines = [self.fill(rng.choice(COMMENT_TEXTS)) for _ in range(rng.choice((1, 1, 2)))]
        return "\n\n".join(lines)


def _body_parts(writer: Writer, links: deque, topics: list[str]) -> Iterator[tuple[str, object]]:
    """The post's structure, (kind, value) in order, about CONTENT_CHARS long as HTML."""
    rng = writer.rng
    target = rng.randint(*CONTENT_CHARS)
    length = paragraphs = 0
    quote_after = rng.randint(2, 4) if rng.random() < 0.4 else None
    list_after = rng.randint(1, 4) if rng.random() < 0.3 else None
    while length < target:
        if paragraphs and paragraphs % 3 == 0 and rng.random() < 0.6:
            yield "heading", writer.heading()
        text = writer.inline(writer.paragraph(topics), links)
        length += len(text) + 60
        paragraphs += 1
        yield "paragraph", text
        if paragraphs == quote_after:
            saying, speaker = writer.quote()
            yield (
                "quote",
                (html.escape(saying + ".", quote=False), html.escape(speaker, quote=False)),
            )
        if paragraphs == list_after:
            yield "list", writer.items()
            length += 150
    if rng.random() < 0.02:
        yield "code", html.escape(CODE_SAMPLE, quote=False)


def block_content(writer: Writer, links: deque, topics: list[str]) -> str:
    """Block-editor markup as WordPress 6 saves it."""
    blocks = []
    for kind, value in _body_parts(writer, links, topics):
        if kind == "paragraph":
            blocks.append(f"<!-- wp:paragraph -->\n<p>{value}</p>\n<!-- /wp:paragraph -->")
        elif kind == "heading":
            level = writer.rng.choice((2, 2, 2, 3))
            attrs = "" if level == 2 else ' {"level":3}'
            blocks.append(
                f"<!-- wp:heading{attrs} -->\n"
                f'<h{level} class="wp-block-heading">{value}</h{level}>\n<!-- /wp:heading -->'
            )
        elif kind == "quote":
            saying, speaker = value
            blocks.append(
                '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n'
                f"<p>{saying}</p>\n<!-- /wp:paragraph --><cite>{speaker}</cite></blockquote>\n"
                "<!-- /wp:quote -->"
            )
        elif kind == "list":
            items = "\n\n".join(
                f"<!-- wp:list-item -->\n<li>{item}</li>\n<!-- /wp:list-item -->" for item in value
            )
            blocks.append(
                f'<!-- wp:list -->\n<ul class="wp-block-list">{items}</ul>\n<!-- /wp:list -->'
            )
        else:
            blocks.append(
                '<!-- wp:code -->\n<pre class="wp-block-code"><code>'
                f"{value}</code></pre>\n<!-- /wp:code -->"
            )
    return "\n\n".join(blocks)


def classic_content(writer: Writer, links: deque, topics: list[str], *, bare: bool) -> str:
    """Classic-editor HTML; `bare` as wpautop expects it, paragraphs without <p>."""
    parts = []
    for kind, value in _body_parts(writer, links, topics):
        if kind == "paragraph":
            parts.append(value if bare else f"<p>{value}</p>")
        elif kind == "heading":
            parts.append(f"<h2>{value}</h2>")
        elif kind == "quote":
            saying, speaker = value
            parts.append(f"<blockquote>{saying}\n<cite>{speaker}</cite></blockquote>")
        elif kind == "list":
            parts.append("<ul>\n" + "\n".join(f"\t<li>{item}</li>" for item in value) + "\n</ul>")
        else:
            parts.append(f"<code>{CODE_SAMPLE}</code>")
    return ("\n\n" if bare else "\n").join(parts)
