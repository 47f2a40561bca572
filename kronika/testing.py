"""The base test case: named users and a small paper, built once per test class."""

import gzip
import io
import json
import time
from datetime import timedelta
from urllib.parse import urlencode

import brotli
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.core.files.images import ImageFile
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory, TestCase, override_settings
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from kronika.base.languages import publish_translation
from kronika.base.models import KronikaImage, PaperSettings
from kronika.news.models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage

PASSWORD = "correct horse battery staple"


def make_image(title="Picture", size=(1600, 900), color="#336699") -> KronikaImage:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    image = KronikaImage(
        title=title,
        description=f"Alt text for {title}",
        credit="Test credit",
        file=ImageFile(buffer, name=f"{slugify(title) or 'picture'}.jpg"),
    )
    image.save()
    return image


def body(*paragraphs: str, quote: str | None = None) -> str:
    blocks = [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]
    if quote:
        blocks.append({"type": "quote", "value": {"quote": quote, "attribution": "A source"}})
    return json.dumps(blocks)


def build_article(section, title, *, when=None, tags=(), authors=(), slug=None, **fields):
    """An unsaved-to-tree article with its byline and tags, ready for add_child."""
    fields.setdefault("standfirst", f"The standfirst of {title}.")
    fields.setdefault("body", body(f"The body of {title}."))
    article = ArticlePage(
        title=title, slug=slug or slugify(title), first_published_at=when, **fields
    )
    for order, author in enumerate(authors):
        article.article_authors.add(ArticleAuthor(author=author, sort_order=order))
    article.tags.add(*tags)
    return article


def publish_article(section, title, *, when=None, **kwargs) -> ArticlePage:
    """Publish through a revision, as the admin does, first published at `when`."""
    when = when or timezone.now() - timedelta(hours=1)
    article = build_article(section, title, when=when, live=False, **kwargs)
    section.add_child(instance=article)
    article.save_revision().publish()
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=when, last_published_at=when
    )
    article.refresh_from_db()
    return article


def translate(page, language: str, **fields):
    """`page` translated into `language` and published with its source's date, as read back.

    `fields` are the translated values (title, slug, body…).
    """
    translation = publish_translation(page, language, dated_as_source=True, **fields)
    translation.refresh_from_db()
    return translation


def draft_article(section, title, **kwargs) -> ArticlePage:
    article = build_article(section, title, live=False, **kwargs)
    section.add_child(instance=article)
    article.save_revision()
    article.refresh_from_db()
    return article


def comment_form_data(article, **fields) -> dict[str, str]:
    """What the article page's comment form sends, shown a minute before it is sent."""
    started = signing.dumps(
        {"a": article.pk, "t": int(time.time()) - 60}, salt="kronika.comments.form"
    )
    data = {"name": "A reader", "email": "", "body": "A thoughtful comment.", "website": ""}
    data.update(parent="", started=started)
    data.update({key: str(value) for key, value in fields.items()})
    return data


def reader_address(number: int) -> str:
    """A distinct documentation address (RFC 5737) for each simulated reader."""
    return f"198.51.{100 + number // 250}.{number % 250 + 1}"


def post_form(client, url: str, data: dict, *, reader: int = 1, **headers):
    """Post a form the way a browser does, from reader number `reader`."""
    return client.post(
        url,
        urlencode(data),
        content_type="application/x-www-form-urlencoded",
        REMOTE_ADDR=reader_address(reader),
        **headers,
    )


def post_comment(client, article, *, reader: int = 1, **fields):
    return post_form(
        client, f"/comments/{article.pk}/", comment_form_data(article, **fields), reader=reader
    )


def rate(client, article, stars, *, reader: int = 1, **headers):
    return post_form(client, f"/ratings/{article.pk}/", {"stars": stars}, reader=reader, **headers)


# The one-choice panels (news.editor_panels.ArticleChoicePanel) that features
# add to the article editor, left as shown: every post of the editor's form
# carries them, and a feature that is not installed ignores its own.
FEATURE_CHOICES = {"comment_policies": {"policy": "inherit"}, "telegram_choices": {"post": "on"}}


def feature_choices(article=None) -> dict:
    """The features' choices as the editor posts them: with the row's id when there is one."""
    data = {}
    for relation, values in FEATURE_CHOICES.items():
        rows = list(getattr(article, relation).all()) if hasattr(article, relation) else []
        if rows:
            data[relation] = inline_formset([{"id": rows[0].pk, **values}], initial=1)
        else:
            data[relation] = inline_formset([values])
    return data


def article_form_data(author, article=None, **fields) -> dict:
    """The article editor's fields as a browser posts them, for nested_form_data."""
    return {
        "title": "Bridge reopens after repairs",
        "slug": "bridge-reopens-after-repairs",
        "standfirst": "Traffic flows again.",
        "body": streamfield([("paragraph", rich_text("<p>The facts.</p>"))]),
        "article_authors": inline_formset([{"author": author.pk}]),
        **feature_choices(article),
        **fields,
    }


def site_settings(model, **changes):
    """The default site's `model` settings (the paper's or a feature's), with any changes saved."""
    found = model.for_site(Site.objects.get(is_default_site=True))
    if changes:
        for field, value in changes.items():
            model._meta.get_field(field)  # a misspelt or moved field fails, not passes unseen
            setattr(found, field, value)
        found.save()
    return found


def paper_settings(**changes) -> PaperSettings:
    return site_settings(PaperSettings, **changes)


def dashboard_panels(client) -> dict[str, dict]:
    """The admin dashboard's panels as its viewer sees them, in order: heading, text and links."""
    from bs4 import BeautifulSoup

    response = client.get("/admin/")
    assert response.status_code == 200, response.status_code
    panels = {}
    for section in BeautifulSoup(response.content, "lxml").select("section.w-panel--dashboard"):
        name = section["id"].removesuffix("-section")
        content = section.select_one(f"#{name}-content")
        panels[name] = {
            "heading": section.select_one(f"#{name}-heading").get_text(" ", strip=True),
            "text": content.get_text(" ", strip=True),
            "links": {a.get_text(" ", strip=True): a["href"] for a in content.select("a[href]")},
        }
    return panels


def decoded(body: bytes, content_encoding: str | None) -> bytes:
    """A response body as its Content-Encoding (br, gzip or none) says to read it."""
    if content_encoding == "br":
        return brotli.decompress(body)
    if content_encoding == "gzip":
        return gzip.decompress(body)
    assert not content_encoding, f"unexpected Content-Encoding {content_encoding}"
    return body


def without_page_cache():
    """Render every request, so that a test counts what a page costs, not a cache hit."""
    return override_settings(KRONIKA_PAGE_CACHE=False)


class KronikaTestCase(TestCase):
    """A paper with two sections, two authors, and the newsroom's people.

    Subclasses add articles in their own setUpTestData, after calling super().
    """

    @classmethod
    def setUpTestData(cls):
        User = get_user_model()
        cls.reporter = User.objects.create_user(
            "reporter", "reporter@example.org", PASSWORD, is_staff=True
        )
        cls.reporter.groups.add(Group.objects.get(name="Reporters"))
        cls.editor = User.objects.create_user(
            "editor", "editor@example.org", PASSWORD, is_staff=True
        )
        cls.editor.groups.add(Group.objects.get(name="Editors"))
        cls.reader = User.objects.create_user("reader", "reader@example.org", PASSWORD)

        cls.home = HomePage.objects.get()
        cls.news = cls.add_section("News")
        cls.sport = cls.add_section("Sport")
        cls.alice = Author.objects.create(name="Alice Adamkienė", slug="alice", bio="Reports.")
        cls.bob = Author.objects.create(name="Bob Bērziņš", slug="bob", bio="Edits.")

    @classmethod
    def add_section(cls, title, parent=None):
        section = SectionPage(title=title, slug=slugify(title), show_in_menus=True)
        (parent or cls.home).add_child(instance=section)
        section.save_revision().publish()
        return section

    @staticmethod
    def days_ago(days: float):
        return timezone.now() - timedelta(days=days)

    def assertOnlyGetAndHead(self, url: str):
        """`url` is read with GET and HEAD; every other method, sent with a valid CSRF
        token as a script on this site could, gets the readable 405 page."""
        browser = Client(enforce_csrf_checks=True)
        token = get_token(RequestFactory().get("/"))
        browser.cookies[settings.CSRF_COOKIE_NAME] = token
        for method in ("POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"):
            with self.subTest(url=url, method=method):
                response = browser.generic(method, url, headers={"X-CSRFToken": token})
                self.assertEqual(response.status_code, 405)
                self.assertEqual(response["Allow"], "GET, HEAD")
                self.assertIn("Method not allowed", response.text)
                self.assertEqual(response["X-Content-Type-Options"], "nosniff")
                self.assertIn("frame-ancestors 'none'", response["Content-Security-Policy"])
        for method in ("GET", "HEAD"):
            with self.subTest(url=url, method=method):
                self.assertEqual(browser.generic(method, url).status_code, 200)


def mail_through(sink, login: tuple[str, str] = ("", "")):
    """The site's mail queued in its outbox and sent over SMTP to `sink` (kronika.testing_smtp).

    The test runner swaps EMAIL_BACKEND for an in-memory one; this puts the
    outbox back, with the worker's side talking to a real server on loopback.
    """
    return override_settings(
        EMAIL_BACKEND="kronika.mail.backend.OutboxBackend",
        KRONIKA_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST=sink.host,
        EMAIL_PORT=sink.port,
        EMAIL_HOST_USER=login[0],
        EMAIL_HOST_PASSWORD=login[1],
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
    )
