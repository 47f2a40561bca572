"""`make bench`, WordPress part: importing a large WordPress export, timed and weighed.

    python -m bench.wordpress [--posts N] [--keep]

Writes a deterministic WXR 1.2 export of N posts into var/bench/ (reused while
an identical one is there), imports it with `kronika import_wordpress` into a
freshly migrated database in a scratch data dir, and measures the import's
wall time and peak RSS. Prints a table and writes var/bench/wordpress.json:
one {"name", "value", "unit", "goal", "met"} per goal, with every figure (and
the import's resident memory every two seconds) in wordpress-figures.json and
the import's own report in wordpress-report.json. On PostgreSQL (DATABASE_URL)
it imports into a scratch database of its own.
"""

import argparse
import hashlib
import html
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.__main__ import OUT, ROOT, environment
from bench.results import Results, step
from bench.results import write_atomically as _write_atomically

SITE = "https://bench.example.org"
AUTHORS = 20
TAGS = 500
# Half the posts from the classic editor, half of those in the wpautop style it
# saves (paragraphs as bare text between blank lines): old archives are full of them.
CLASSIC_SHARE = 0.5
BARE_CLASSIC_SHARE = 0.5
CONTENT_CHARS = (2_800, 4_000)
COMMENTS = (0, 1, 2, 3, 4)
COMMENT_WEIGHTS = (40, 25, 15, 12, 8)
DRAFT_SHARE = 0.04
EXCERPT_SHARE = 0.6
COMMENTS_OPEN_SHARE = 0.7
FUTURE_SHARE = 0.01
STICKY_SHARE = 0.0005
# The site's clock: WordPress's "UTC+2" setting, so post_date and post_date_gmt
# differ as they do in real exports, and the link's date is the local one.
SITE_OFFSET = timedelta(hours=2)
# What WordPress writes for a draft that has never been published.
NO_DATE = "0000-00-00 00:00:00"
NO_DATE_RFC822 = "Mon, 30 Nov -0001 00:00:00 +0000"
ARCHIVE = (datetime(2012, 1, 2, 6, 0), datetime(2025, 6, 30, 18, 0))
# Scheduled posts must still be ahead of the clock whenever the benchmark runs.
FUTURE_FROM = datetime(2035, 1, 5, 7, 0)
EXPORTED = datetime(2025, 7, 1, 9, 30, tzinfo=UTC)
RSS_GOAL_MB = 500
RSS_SAMPLE_SECONDS = 2
MB = 1024 * 1024

CATEGORIES = {
    "News": ["Lithuania", "Europe", "World", "Politics"],
    "Business": ["Economy", "Markets", "Energy", "Companies"],
    "Culture": ["Film", "Music", "Books", "Theatre"],
    "Sport": ["Football", "Basketball", "Athletics", "Sailing"],
    "Opinion": ["Editorials", "Columns", "Letters"],
    "Science": ["Environment", "Health", "Space"],
    "Technology": ["Startups", "Internet"],
    "Education": ["Schools", "Universities"],
    "Travel": ["Baltic Coast", "City Breaks"],
    "Life": ["Food", "Family"],
}
PLACES = [
    *"Vilnius Kaunas Klaipėda Šiauliai Panevėžys Alytus Marijampolė Palanga Riga Jūrmala".split(),
    *"Liepāja Tallinn Tartu Pärnu Narva Helsinki Warsaw Gdańsk Kraków Berlin Brussels".split(),
    *"Stockholm Copenhagen Minsk Kyiv".split(),
]
FIRST_NAMES = (
    "Rūta Eglė Aistė Gintarė Tomas Mantas Darius Jonas Vytautas Līga Ilze Jānis Mārtiņš Kadri "
    "Maarja Andres Tanel Agnieszka Tomasz Paweł Ieva Lukas Emilija Matas"
).split()
SURNAMES = (
    "Kazlauskas Petrauskaitė Jankauskas Stankevičius Žukauskas Butkus Urbonas Navickas "
    "Bērziņš Ozola Kalniņš Tamm Kask Saar Mägi Nowak Wiśniewski Dąbrowska Vaitkus Mockutė"
).split()
ROLES = [
    "a spokesperson for the ministry",
    "the mayor",
    "an economist at the central bank",
    "a professor at Vilnius University",
    "the head of the teachers' union",
    "a local resident",
    "the company's chief executive",
    "a police spokesperson",
    "an opposition member of parliament",
    "the chair of the residents' association",
    "a researcher at the institute",
    "the club's coach",
]
SUBJECTS = [
    "the government",
    "the city council",
    "the ministry of finance",
    "the central bank",
    "opposition parties",
    "local residents",
    "researchers at the university",
    "the health ministry",
    "the teachers' union",
    "farmers in the region",
    "the national railway company",
    "the police",
    "the prosecutor's office",
    "the European Commission",
    "small business owners",
    "the football federation",
    "hospital managers",
    "the mayor of {place}",
    "officials in {place}",
    "the port authority",
    "environmental groups",
    "parents in {place}",
    "energy companies",
    "the defence ministry",
    "museum directors",
    "students in {place}",
    "the statistics office",
    "the supreme court",
    "the airport in {place}",
    "the national library",
]
VERBS = [
    ("approved", "approves"),
    ("rejected", "rejects"),
    ("announced", "announces"),
    ("criticised", "criticises"),
    ("welcomed", "welcomes"),
    ("proposed", "proposes"),
    ("postponed", "postpones"),
    ("defended", "defends"),
    ("questioned", "questions"),
    ("reviewed", "reviews"),
    ("presented", "presents"),
    ("signed", "signs"),
    ("delayed", "delays"),
    ("backed", "backs"),
    ("opposed", "opposes"),
    ("published", "publishes"),
    ("unveiled", "unveils"),
    ("cut", "cuts"),
]
OBJECTS = [
    "the new budget",
    "plans for a railway link to {place}",
    "a reform of the tax system",
    "the trade agreement with {place}",
    "a proposal to extend shop opening hours",
    "new rules for short-term rentals",
    "funding for rural schools",
    "a report on air quality in {place}",
    "the hospital merger",
    "a plan to build wind farms off the coast",
    "higher wages for nurses",
    "the sale of the state airline",
    "a ban on single-use plastic",
    "the timetable for the bridge repairs",
    "a study of housing prices",
    "the expansion of the harbour",
    "a strategy against cyber attacks",
    "subsidies for electric buses",
    "the new football stadium in {place}",
    "the programme of the summer festival",
    "changes to the pension system",
    "a new curriculum for secondary schools",
    "measures against tax evasion",
    "a cap on energy prices",
    "the reopening of the border crossing",
    "money for R&D in small companies",
    "a tender for {count} new trams",
    "the restoration of the old town hall",
]
TAILS = [
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "after months of talks",
    "despite strong opposition",
    "in a statement",
    "earlier this week",
    "for the first time since {year}",
    "at a press conference in {place}",
    "after a long debate",
    "ahead of the elections",
    "as prices kept rising",
    "after complaints from residents",
    "",
    "",
]
FACTS = [
    "The decision affects about {count} people in {place}.",
    "Critics say the plan is too expensive and comes too late.",
    "Figures from the statistics office show a rise of {percent} per cent since {year}.",
    "The project is expected to cost {count} million euros.",
    "Work is due to start in {month} and to last two years.",
    "A final decision is expected by the end of the year.",
    "Similar measures were introduced in {place} in {year}.",
    "The proposal still needs the approval of parliament.",
    "Turnout at the public meeting in {place} was higher than expected.",
    "Prices in {place} have fallen for the third month in a row.",
    "More than {count} people have signed a petition against it.",
    "The money will come from European funds and the city's own budget.",
    "Both sides say they are open to further talks.",
    "Similar complaints were made when the rules last changed in {year}.",
    "The first results are expected in {month}.",
]
SAYINGS = [
    "We cannot wait any longer",
    "This is a good day for the city",
    "The numbers speak for themselves",
    "Nobody asked the people who live here",
    "It is a step in the right direction",
    "We will keep fighting for a fair deal",
    "The money has to come from somewhere",
    "Our members are deeply worried",
    "We have learned a lot from {place}",
    "It will take years before we see the results",
]
HEADINGS = [
    "What happens next",
    "Reactions in {place}",
    "How much it will cost",
    "A long debate",
    "Background",
    "What critics say",
    "The figures",
    "Next steps",
    "Lessons from {place}",
    "Who pays",
]
LIST_ITEMS = [
    "{count} million euros for {thing}",
    "work starts in {month}",
    "a public consultation until {month}",
    "new rules from {year}",
    "talks with {place} on {thing}",
    "a review after two years",
    "free entry for pupils and pensioners",
]
# What posts are about. Each post has two or three, which recur in its text and
# are its tags, so related articles are found from words as distinctive as real ones.
TOPICS = """
    airport ambulances amber archives asylum aviation bakeries ballet banking beaches beer
    biathlon bicycles biology borders bridges broadband buses canals cancer castles cathedrals
    census chemistry chess childcare choirs cinema climate coal coastguard concerts construction
    cooperatives copper corruption cruises currency customs cycling dairy dams defence dentists
    diesel diplomacy drones drought dunes elections electricity embassies emissions employment
    espionage exports factories farming ferries festivals fires fisheries floods football
    forestry fraud fuel furniture galleries gas glass grain gymnastics harbours healthcare heating
    heritage herring highways hockey honey hospitals hotels housing hunting immigration imports
    inflation insurance investment jazz journalism judges kindergartens lakes language libraries
    lighthouses linen literature logistics lotteries marathons media medicine midsummer migration
    mining mortgages motorways museums navy newspapers nuclear nursing oil opera orchestras
    painting parking pensions pharmacies photography pipelines poetry pollution postal poverty
    prisons privacy publishing radio railways recycling referendums refugees rent retail rivers
    robotics rowing rugby salaries sanctions satellites saunas schools sculpture security shipping
    shipyards skiing smuggling solar steel stocks storks strikes subsidies surgery swimming taxes
    taxis telecoms television tennis textiles timber tourism traffic trams tunnels unemployment
    universities vaccines veterans vineyards volleyball volunteers wages water welfare wildlife
    windfarms wine wolves wool zoos
""".split()
TOPIC_SENTENCES = [
    "The debate about {topic} is not new in {place}.",
    "Spending on {topic} has grown every year since {year}.",
    "Questions about {topic} remain open.",
    "Experts on {topic} say the change was overdue.",
    "It is the biggest change to the rules on {topic} in a decade.",
    "Several readers wrote to us about {topic} this week.",
    "The report on {topic} runs to {count} pages.",
    "People who work on {topic} have asked to meet the minister.",
    "In {place}, {topic} has been on the agenda since {year}.",
]
TOPIC_OBJECTS = [
    "new rules on {topic}",
    "plans for {topic} in {place}",
    "a report on {topic}",
    "more money for {topic}",
    "cuts to {topic}",
    "a review of {topic}",
]
TAG_SUFFIXES = ["policy", "prices", "reform", "jobs", "in {place}"]
THINGS = ["roads", "schools", "housing", "public transport", "hospitals", "parks", "the harbour"]
MONTHS = (
    "January February March April May June July August September October November December".split()
)
COMMENT_TEXTS = [
    "Finally! This should have happened years ago.",
    "Who is going to pay for all this?",
    "I live in {place} and nobody asked us.",
    "Thank you for a balanced article.",
    "The figures in the third paragraph do not add up.",
    "Same story every year, nothing changes.",
    "Good news for families with children.",
    "I was at the meeting and it was not like that at all.",
    "Let's wait and see what parliament says.",
    "Great reporting, please follow this up.",
    "Cheap watches and pills, visit our shop now",
    "In {place} they solved this long ago, we should learn from them.",
]
# Classic-editor text keeps > as typed; a code sample like this is how ]]>
# ends up inside a post, and why CDATA sections have to be split.
CODE_SAMPLE = "if (rows[index[0]]>limit) { alert('Too many rows'); }"


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


class Site:
    """The export's authors, categories and tags, fixed by the seed."""

    def __init__(self, rng: random.Random):
        people = {}
        while len(people) < AUTHORS:
            first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
            people.setdefault(slugify(f"{first[0]}{last}"), (first, last))
        self.authors = [
            (number, login, first, last)
            for number, (login, (first, last)) in enumerate(people.items(), start=1)
        ]
        self.categories = []  # (term_id, slug, parent slug, name)
        children = []
        for name, subsections in CATEGORIES.items():
            self.categories.append((len(self.categories) + 1, slugify(name), "", name))
            for child in subsections:
                children.append((slugify(child), slugify(name), child))
        for slug, parent, name in children:
            self.categories.append((len(self.categories) + 1, slug, parent, name))
        names = dict.fromkeys([*TOPICS, *PLACES])
        while len(names) < TAGS:
            suffix = rng.choice(TAG_SUFFIXES).format(place=rng.choice(PLACES))
            names[f"{rng.choice(TOPICS)} {suffix}"] = None
        first_tag = len(self.categories) + 1
        self.tags = {
            name: (first_tag + index, slugify(name), name)
            for index, name in enumerate(sorted(names))
        }
        # A few authors write most of the posts, and some topics and tags are far commoner
        # than others.
        self.author_weights = [1 / (rank + 1) for rank in range(AUTHORS)]
        self.topic_order = rng.sample(TOPICS, len(TOPICS))
        self.topic_weights = [1 / (rank + 1) ** 0.7 for rank in range(len(TOPICS))]
        self.tag_order = rng.sample(sorted(self.tags), TAGS)
        self.tag_weights = [1 / (rank + 1) ** 0.9 for rank in range(TAGS)]

    def topics(self, rng: random.Random) -> list[str]:
        picked = rng.choices(self.topic_order, self.topic_weights, k=rng.choice((2, 3, 3)))
        return list(dict.fromkeys(picked))

    def tags_for(self, rng: random.Random, topics: list[str]) -> list[tuple[int, str, str]]:
        """Its topics and a tag or two more, as editors tag: (term_id, slug, name)."""
        names = [*topics, *rng.choices(self.tag_order, self.tag_weights, k=rng.randint(0, 2))]
        return [self.tags[name] for name in dict.fromkeys(names)]

    def header(self) -> str:
        lines = [
            f"<title>{cdata('Bench Daily')}</title>",
            f"<link>{SITE}</link>",
            "<description>News from the Baltic coast since 2012</description>",
            f"<pubDate>{rfc822(EXPORTED)}</pubDate>",
            "<language>en-GB</language>",
            "<wp:wxr_version>1.2</wp:wxr_version>",
            f"<wp:base_site_url>{SITE}</wp:base_site_url>",
            f"<wp:base_blog_url>{SITE}</wp:base_blog_url>",
        ]
        for number, login, first, last in self.authors:
            lines.append(
                f"<wp:author><wp:author_id>{number}</wp:author_id>"
                f"<wp:author_login>{cdata(login)}</wp:author_login>"
                f"<wp:author_email>{cdata(login + '@bench.example.org')}</wp:author_email>"
                f"<wp:author_display_name>{cdata(f'{first} {last}')}</wp:author_display_name>"
                f"<wp:author_first_name>{cdata(first)}</wp:author_first_name>"
                f"<wp:author_last_name>{cdata(last)}</wp:author_last_name></wp:author>"
            )
        for term_id, slug, parent, name in self.categories:
            lines.append(
                f"<wp:category><wp:term_id>{term_id}</wp:term_id>"
                f"<wp:category_nicename>{cdata(slug)}</wp:category_nicename>"
                f"<wp:category_parent>{cdata(parent)}</wp:category_parent>"
                f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>"
            )
        for term_id, slug, name in self.tags.values():
            lines.append(
                f"<wp:tag><wp:term_id>{term_id}</wp:term_id><wp:tag_slug>{cdata(slug)}</wp:tag_slug>"
                f"<wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>"
            )
        lines.append("<generator>https://wordpress.org/?v=6.5.5</generator>")
        return "\n".join(lines) + "\n"


OPENING = """<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
"""
CLOSING = "</channel>\n</rss>\n"


def tag(name: str, text: str) -> str:
    return f"<{name}>{cdata(text)}</{name}>"


def term(domain: str, slug: str, name: str) -> str:
    """A post's category or tag, as its <item> names it."""
    return f'<category domain="{domain}" nicename="{slug}">{cdata(name)}</category>'


def _comments(writer: Writer, after: datetime, first_id: int, count: int) -> list[str]:
    """`count` comments from `first_id` on, some replying to others, after the post's time."""
    rng = writer.rng
    lines = []
    said = after
    for comment_id in range(first_id, first_id + count):
        said += timedelta(minutes=rng.randint(3, 2_000))
        replies = comment_id > first_id and rng.random() < 0.4
        parent = rng.randint(first_id, comment_id - 1) if replies else 0
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        email = f"{slugify(first)}.{slugify(last)}@example.{rng.choice(('com', 'net', 'org'))}"
        lines += [
            "<wp:comment>",
            f"<wp:comment_id>{comment_id}</wp:comment_id>",
            tag("wp:comment_author", f"{first} {last}"),
            tag("wp:comment_author_email", email),
            "<wp:comment_author_url></wp:comment_author_url>",
            tag("wp:comment_author_IP", f"198.51.100.{rng.randint(1, 254)}"),
            tag("wp:comment_date", wp_date(said + SITE_OFFSET)),
            tag("wp:comment_date_gmt", wp_date(said)),
            tag("wp:comment_content", writer.comment()),
            tag("wp:comment_approved", rng.choices(("1", "0", "spam"), (85, 10, 5))[0]),
            tag("wp:comment_type", "comment"),
            f"<wp:comment_parent>{parent}</wp:comment_parent>",
            "<wp:comment_user_id>0</wp:comment_user_id>",
            "</wp:comment>",
        ]
    return lines


class Slugs:
    """Unique post slugs, made as WordPress makes them: a clash gets -2, -3…"""

    def __init__(self):
        self.used: dict[str, int] = {}

    def __call__(self, title: str) -> str:
        slug = slugify(title)[:190].rstrip("-")
        self.used[slug] = self.used.get(slug, 0) + 1
        return slug if self.used[slug] == 1 else f"{slug}-{self.used[slug]}"


def export_chunks(posts: int, seed: int = 1, counts: dict | None = None) -> Iterator[str]:
    """The export, one piece of text at a time: the header, then one <item> per post.

    Deterministic for (posts, seed). Posts are in post-ID order, as WordPress
    exports them, so their dates rise with their IDs; the scheduled ones come
    last. `counts`, if given, is filled with what was written.
    """
    rng = random.Random(f"kronika-bench-wordpress:{seed}")  # noqa: S311 - not a secret
    site = Site(rng)
    writer = Writer(rng)
    slugs = Slugs()
    counts = {} if counts is None else counts
    counts.update(posts=0, comments=0, publish=0, draft=0, future=0, sticky=0, block_editor=0)
    yield OPENING
    yield site.header()
    links: deque = deque(maxlen=200)
    scheduled = int(posts * FUTURE_SHARE)
    step_seconds = (ARCHIVE[1] - ARCHIVE[0]).total_seconds() / max(1, posts - scheduled)
    moment = ARCHIVE[0]
    post_id, comment_id = 10, 0
    for number in range(posts):
        # Revisions and attachments take IDs of their own in between.
        post_id += rng.choice((1, 1, 2, 3))
        if number >= posts - scheduled:
            status = "future"
            moment = FUTURE_FROM + timedelta(days=number - (posts - scheduled), hours=rng.random())
        else:
            status = "draft" if rng.random() < DRAFT_SHARE else "publish"
            moment += timedelta(seconds=step_seconds * rng.uniform(0.2, 1.8))
        local = moment.replace(microsecond=0)
        gmt = local - SITE_OFFSET
        topics = site.topics(rng)
        title = writer.headline(topics)
        slug = slugs(title)
        if status == "draft":
            # A draft has no GMT date, no pretty link and often no slug yet.
            link, pub_date, date_gmt = f"{SITE}/?p={post_id}", NO_DATE_RFC822, NO_DATE
            post_name = slug if rng.random() < 0.5 else ""
        else:
            link = f"{SITE}/{local:%Y/%m/%d}/{slug}/"
            pub_date, date_gmt, post_name = rfc822(gmt), wp_date(gmt), slug
        if rng.random() < CLASSIC_SHARE:
            bare = rng.random() < BARE_CLASSIC_SHARE
            content = classic_content(writer, links, topics, bare=bare)
        else:
            content = block_content(writer, links, topics)
            counts["block_editor"] += 1
        excerpt = ""
        if rng.random() < EXCERPT_SHARE:
            excerpt = html.unescape(writer.paragraph(topics)).partition(". ")[0].rstrip(".") + "."
        sticky = status == "publish" and rng.random() < STICKY_SHARE
        _, category_slug, _, category_name = rng.choice(site.categories)
        parts = [
            "<item>",
            tag("title", title),
            f"<link>{link}</link>",
            f"<pubDate>{pub_date}</pubDate>",
            tag("dc:creator", rng.choices(site.authors, site.author_weights)[0][1]),
            f'<guid isPermaLink="false">{SITE}/?p={post_id}</guid>',
            "<description></description>",
            tag("content:encoded", content),
            tag("excerpt:encoded", excerpt),
            f"<wp:post_id>{post_id}</wp:post_id>",
            tag("wp:post_date", wp_date(local)),
            tag("wp:post_date_gmt", date_gmt),
            tag("wp:post_modified", wp_date(local)),
            tag("wp:post_modified_gmt", date_gmt),
            tag("wp:comment_status", "open" if rng.random() < COMMENTS_OPEN_SHARE else "closed"),
            tag("wp:ping_status", "closed"),
            tag("wp:post_name", post_name),
            tag("wp:status", status),
            "<wp:post_parent>0</wp:post_parent>",
            "<wp:menu_order>0</wp:menu_order>",
            tag("wp:post_type", "post"),
            tag("wp:post_password", ""),
            f"<wp:is_sticky>{int(sticky)}</wp:is_sticky>",
            term("category", category_slug, category_name),
        ]
        for _, tag_slug, name in site.tags_for(rng, topics):
            parts.append(term("post_tag", tag_slug, name))
        written = rng.choices(COMMENTS, COMMENT_WEIGHTS)[0] if status == "publish" else 0
        parts += _comments(writer, gmt, comment_id + 1, written)
        comment_id += written
        parts.append("</item>\n")
        yield "\n".join(parts)
        if status == "publish":
            links.append((link, title))
        counts["posts"] += 1
        counts["comments"] += written
        counts[status] += 1
        counts["sticky"] += sticky
    yield CLOSING


def write_export(path: Path, posts: int, seed: int = 1) -> dict:
    """Writes the export to `path` piece by piece; returns its counts, size and SHA-256."""
    counts: dict = {}
    digest = hashlib.sha256()
    size = 0
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as output:
        for chunk in export_chunks(posts, seed, counts):
            data = chunk.encode()
            digest.update(data)
            size += len(data)
            output.write(data)
    # An interrupted run leaves no file that looks complete.
    partial.replace(path)
    return {"counts": counts, "bytes": size, "sha256": digest.hexdigest()}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while block := source.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def ensure_export(posts: int, seed: int = 1) -> tuple[Path, dict]:
    """The export for (posts, seed), written again only if this generator or the file changed."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"wordpress-{posts}.xml"
    stamp_path = OUT / f"wordpress-{posts}.xml.json"
    generator = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    try:
        stamp = json.loads(stamp_path.read_text())
    except (OSError, ValueError):
        stamp = {}
    if (
        stamp.get("generator") == generator
        and stamp.get("seed") == seed
        and path.exists()
        and path.stat().st_size == stamp.get("bytes")
        and _sha256(path) == stamp.get("sha256")
    ):
        step(f"Reusing {path.relative_to(ROOT)}")
        return path, stamp
    step(f"Writing a WordPress export of {posts:,} posts")
    started = time.monotonic()
    stamp = {
        "posts": posts,
        "seed": seed,
        "generator": generator,
        **write_export(path, posts, seed),
    }
    _write_atomically(stamp_path, stamp)
    step(f"  {stamp['bytes'] / MB:.0f} MB in {time.monotonic() - started:.0f} s")
    return path, stamp


def _rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


@dataclass
class Run:
    status: int
    seconds: float
    peak_mb: float
    rss_mb: list[tuple[float, float]]  # (seconds since the start, MB) while it ran

    def rss_at(self, share: float) -> float:
        """Resident memory when `share` of the run had passed: a slope here is a leak."""
        moment = share * self.seconds
        return next((mb for at, mb in self.rss_mb if at >= moment), self.peak_mb)


def run_import(export: Path, report: Path, env: dict, log: Path) -> Run:
    command = [sys.executable, "-m", "kronika", "import_wordpress", str(export)]
    command += ["--report", str(report)]
    samples: list[tuple[float, float]] = []
    finished = threading.Event()

    def sample(pid: int, started: float) -> None:
        while not finished.wait(RSS_SAMPLE_SECONDS):
            rss = _rss_mb(pid)
            if rss:
                samples.append((round(time.monotonic() - started, 1), round(rss, 1)))

    with log.open("w") as output:
        started = time.monotonic()
        # The progress bar goes to stderr, which stays on the terminal.
        child = subprocess.Popen(command, env=env, stdout=output)  # noqa: S603 - our own command
        sampler = threading.Thread(target=sample, args=(child.pid, started), daemon=True)
        sampler.start()
        # wait4 gives this child's own peak; RUSAGE_CHILDREN would also count `migrate`.
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.monotonic() - started
        finished.set()
        sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    return Run(child.returncode, seconds, usage.ru_maxrss / 1024, samples)


def posts_in_report(report: Path) -> dict:
    """The report's counts for posts: imported, updated, unchanged, skipped."""
    try:
        return json.loads(report.read_text()).get("counts", {}).get("post", {})
    except (OSError, ValueError, AttributeError):
        return {}


def parse_args():
    parser = argparse.ArgumentParser(
        prog="python -m bench.wordpress", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the imported paper's data dir (a PostgreSQL scratch database is dropped)",
    )
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    sys.path.insert(0, str(ROOT))
    from kronika.scratch import scratch_database

    # A failed run leaves no figures behind that look like its own.
    for stale in ("wordpress.json", "wordpress-figures.json", "wordpress-report.json"):
        (OUT / stale).unlink(missing_ok=True)
    export, stamp = ensure_export(args.posts)
    data_dir = OUT / "wordpress-data"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    logs = OUT / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    report, log = OUT / "wordpress-report.json", logs / "wordpress-import.log"
    with scratch_database() as database:
        env = environment(data_dir, database)
        vendor = "postgresql" if database else "sqlite"
        step(f"Migrating a fresh database ({vendor})")
        subprocess.run(
            [sys.executable, "-m", "kronika", "migrate", "--no-input", "--verbosity", "0"],
            env=env,
            check=True,
        )
        step(f"kronika import_wordpress {export.relative_to(ROOT)}")
        run = run_import(export, report, env, log)
    if not args.keep:
        shutil.rmtree(data_dir, ignore_errors=True)
    if run.status:
        print(f"\nThe import failed (exit status {run.status}); its output is in {log}")
        return 1
    posts = posts_in_report(report)
    if sum(posts.values()) != args.posts or posts.get("skipped"):
        print(f"\nThe report accounts for {posts} of {args.posts:,} posts: see {report}")
        return 1

    results = Results()
    rate, peak = args.posts / run.seconds, run.peak_mb
    results.show(
        "posts in the export", f"{args.posts:,} ({stamp['counts']['comments']:,} comments)"
    )
    results.show("export size", f"{stamp['bytes'] / MB:.0f} MB")
    results.show("import wall time", f"{run.seconds:.1f} s")
    results.show("import rate", f"{rate:,.1f} posts/s")
    results.show("import peak RSS", f"{peak:.0f} MB ({peak / RSS_GOAL_MB:.2f} of the goal)")
    results.show(
        "import RSS at 10/25/50/75/90% of the run",
        " / ".join(f"{run.rss_at(share):.0f}" for share in (0.1, 0.25, 0.5, 0.75, 0.9)) + " MB",
    )
    suffix = "" if vendor == "sqlite" else f" ({vendor})"
    results.goal(
        f"wordpress_import_peak_rss{suffix}", peak, "MB", f"< {RSS_GOAL_MB}", peak < RSS_GOAL_MB
    )
    figures = {
        "export": {key: stamp[key] for key in ("posts", "bytes", "counts")},
        "database": vendor,
        "seconds": round(run.seconds, 2),
        "posts_per_second": round(rate, 2),
        "peak_rss_mb": round(peak, 1),
        "rss_mb": run.rss_mb,
        "report_posts": posts,
    }
    _write_atomically(OUT / "wordpress-figures.json", figures)
    path = _write_atomically(OUT / "wordpress.json", results.goals)
    results.print_goals()
    print(f"\nWrote {path.relative_to(ROOT)}; the import's report is {report.relative_to(ROOT)}")
    return 0 if all(goal["met"] for goal in results.goals) else 1


if __name__ == "__main__":
    sys.exit(main())
