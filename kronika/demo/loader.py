"""Load the demo newspaper: sections, authors, 44 articles with pictures, the paper's
own pages (About, Contact, Masthead, Privacy), readers' comments and ratings where
those features are installed, staff accounts, and the home page, sections and four
articles in Lithuanian and Russian where the paper has those languages.

Everything is keyed by slug or username, so loading twice adds nothing.
"""

import io
import json
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Revision, Site

from kronika.base.models import KronikaImage, PaperSettings, StandardPage
from kronika.base.storage import replace_file
from kronika.demo.drawings import TITLES, render
from kronika.demo.feature_content import (
    comment_policy,
    load_readers,
    set_up_channel,
    set_up_newsletters,
)
from kronika.demo.images import portrait
from kronika.demo.translations import load_translations
from kronika.news.models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage
from kronika.news.signal_handlers import bulk_publishing

CONTENT = Path(__file__).parent / "content" / "articles.json"
PAGES = Path(__file__).parent / "content" / "pages.json"
CREDENTIALS_FILE = "demo-credentials.json"
ACCOUNTS = [("admin", None), ("editor", "Editors"), ("reporter", "Reporters")]
# Each account writes as one of the demo's authors, so a new article starts with a byline.
BYLINES = {"admin": "andres-kask", "editor": "martins-ozols", "reporter": "tomasz-zielinski"}


def load_demo(now=None) -> dict:
    """Create whatever part of the demo paper is missing; returns counts of what was added."""
    data = json.loads(CONTENT.read_text(encoding="utf-8"))
    now = now or timezone.now()
    added = {"sections": 0, "authors": 0, "articles": 0, "pages": 0, "translations": 0}
    with transaction.atomic(), bulk_publishing():
        home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
        _paper_settings(home)
        sections = {}
        for position, spec in enumerate(data["sections"]):
            sections[spec["slug"]], created = _section(home, spec, position)
            added["sections"] += created
        authors = {}
        for spec in data["authors"]:
            authors[spec["slug"]], created = _author(spec)
            added["authors"] += created
        # Oldest first, so that publication order is the order of the archive.
        for spec in sorted(data["articles"], key=lambda a: (-a["days_ago"], a["hour"], a["slug"])):
            added["articles"] += _article(spec, sections, authors, now)
        added["pages"] = load_pages(home)
        added.update(load_readers(now))
        articles = {
            article.slug: article
            for article in ArticlePage.objects.descendant_of(home).filter(
                slug__in=[spec["slug"] for spec in data["articles"]]
            )
        }
        added["translations"] = load_translations(home, sections, articles, _body)
    return added


def _paper_settings(home):
    site = Site.objects.get(root_page=home)
    paper = PaperSettings.for_site(site)
    if paper.tagline:
        return
    paper.name = "Kronika"
    paper.tagline = "News from the Baltics, for the world"
    # No logo: the nameplate, the admin and link previews draw the name as a
    # wordmark (kronika.base.wordmark), as a paper without a designed logo has it.
    paper.save()
    site.site_name = paper.name
    site.save(update_fields=["site_name"])
    set_up_channel(site)
    set_up_newsletters()


def _section(home, spec, position):
    existing = SectionPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if existing:
        return existing, False
    section = SectionPage(
        title=spec["title"], slug=spec["slug"], intro=spec["intro"], show_in_menus=True
    )
    home.add_child(instance=section)
    section.save_revision().publish()
    return section, True


def _author(spec):
    author = Author.objects.filter(slug=spec["slug"]).first()
    if author:
        return author, False
    photo = _image(
        f"Portrait of {spec['name']}",
        portrait(spec["slug"], spec["name"]),
        f"{spec['slug']}.jpg",
        description=f"Portrait of {spec['name']}",
        credit="Kronika demo",
    )
    return Author.objects.create(
        name=spec["name"], slug=spec["slug"], bio=spec["bio"], photo=photo
    ), True


def load_pages(home) -> int:
    """The paper's own pages under the home page, those missing; how many were added."""
    specs = json.loads(PAGES.read_text(encoding="utf-8"))["pages"]
    return sum(_standard_page(home, spec) for spec in specs)


def _standard_page(home, spec) -> bool:
    """One of the paper's own pages, which the footer links while it is shown in menus."""
    if StandardPage.objects.child_of(home).filter(slug=spec["slug"]).exists():
        return False
    page = StandardPage(
        title=spec["title"],
        slug=spec["slug"],
        listing_title=spec["menu_title"],
        search_description=spec["description"],
        body=_body(spec["body"]),
        show_in_menus=True,
        live=False,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return True


def _image(title, content, filename, description="", credit=""):
    image = KronikaImage(
        title=title,
        description=description,
        credit=credit,
        file=ImageFile(io.BytesIO(content), name=filename),
    )
    image.save()
    return image


def _body(blocks):
    stream = []
    for block in blocks:
        if block["type"] == "paragraph":
            # The paper's own pages are written with links and lists, as HTML.
            html = block.get("html") or f"<p>{escape(block['text'])}</p>"
            stream.append({"type": "paragraph", "value": html})
        elif block["type"] == "heading":
            stream.append({"type": "heading", "value": {"text": block["text"], "level": "h2"}})
        elif block["type"] == "quote":
            stream.append(
                {
                    "type": "quote",
                    "value": {"quote": block["text"], "attribution": block.get("attribution", "")},
                }
            )
    return json.dumps(stream)


def _article(spec, sections, authors, now) -> bool:
    section = sections[spec["section"]]
    if ArticlePage.objects.child_of(section).filter(slug=spec["slug"]).exists():
        return False
    when = (now - timedelta(days=spec["days_ago"])).replace(
        hour=spec["hour"], minute=0, second=0, microsecond=0
    )
    when = min(when, now - timedelta(minutes=5))
    article = article_from_spec(spec, authors)
    section.add_child(instance=article)
    revision = article.save_revision()
    revision.publish()
    # Backdate the archive: the demo spans several weeks of publishing.
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=when, last_published_at=when, latest_revision_created_at=when
    )
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    return True


def article_from_spec(spec, authors) -> ArticlePage:
    """A demo article as its JSON has it, with picture, byline and tags, not yet in the tree."""
    hero = None
    if spec.get("image"):
        # The caption says "Illustration: ..." and describes the drawing, so it
        # serves as the picture's alt text too; the credit stays its own field.
        # The title says what the drawing shows, as an editor would title it.
        hero = _image(
            TITLES[spec["image"]["illustration"]],
            render(spec["image"]["illustration"], spec["slug"]),
            f"{spec['slug']}.jpg",
            description=spec["image"]["caption"],
            credit=spec["image"]["credit"],
        )
    article = ArticlePage(
        title=spec["headline"],
        slug=spec["slug"],
        standfirst=spec["standfirst"],
        dateline=spec["dateline"],
        hero_image=hero,
        body=_body(spec["body"]),
        live=False,
        **comment_policy(closed=spec["comments"] == "closed"),
    )
    for order, slug in enumerate(spec["authors"]):
        article.article_authors.add(ArticleAuthor(author=authors[slug], sort_order=order))
    article.tags.add(*spec["tags"])
    return article


def name_after_byline(user) -> None:
    """An account without a name takes its author's, which the newsroom shows
    ("sent by Tomasz Zieliński") where it would otherwise show the username."""
    author = Author.objects.filter(user=user).first()
    if author is not None and not user.get_full_name():
        user.first_name, _, user.last_name = author.name.partition(" ")
        user.save(update_fields=["first_name", "last_name"])


def ensure_accounts() -> dict[str, str]:
    """Create the demo's admin, editor and reporter accounts; returns their passwords.

    The passwords are generated once and kept in the data directory, readable only
    by its owner, so every run of the demo can print them again.
    """
    path = settings.DATA_DIR / CREDENTIALS_FILE
    passwords = json.loads(path.read_text()) if path.exists() else {}
    User = get_user_model()
    for username, group in ACCOUNTS:
        password = passwords.setdefault(username, secrets.token_urlsafe(12))
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "is_staff": True,
                "is_superuser": group is None,
            },
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        if not Author.objects.filter(user=user).exists():
            Author.objects.filter(slug=BYLINES[username], user=None).update(user=user)
        name_after_byline(user)
    replace_file(path, json.dumps(passwords).encode())
    return passwords
