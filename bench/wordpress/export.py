"""A deterministic WXR 1.2 export of N posts, written piece by piece and reused while unchanged."""

import hashlib
import html
import json
import random
import time
from collections import deque
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.results import step
from bench.results import write_atomically as _write_atomically
from bench.serving import OUT, ROOT
from bench.wordpress.words import CATEGORIES, FIRST_NAMES, PLACES, SURNAMES, TAG_SUFFIXES, TOPICS
from bench.wordpress.writing import (
    Writer,
    block_content,
    cdata,
    classic_content,
    rfc822,
    slugify,
    wp_date,
)

SITE = "https://bench.example.org"
AUTHORS = 20
TAGS = 500
# Half the posts from the classic editor, half of those in the wpautop style it
# saves (paragraphs as bare text between blank lines): old archives are full of them.
CLASSIC_SHARE = 0.5
BARE_CLASSIC_SHARE = 0.5
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
MB = 1024 * 1024


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


def _generator_digest() -> str:
    """What the export is written by: these three modules, so a change to any writes it anew."""
    digest = hashlib.sha256()
    for module in ("words.py", "writing.py", "export.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()


def ensure_export(posts: int, seed: int = 1) -> tuple[Path, dict]:
    """The export for (posts, seed), written again only if this generator or the file changed."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"wordpress-{posts}.xml"
    stamp_path = OUT / f"wordpress-{posts}.xml.json"
    generator = _generator_digest()
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
