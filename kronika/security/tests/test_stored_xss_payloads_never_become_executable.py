"""Stored XSS: every payload, through every reader and editor input, runs nowhere.

Readers' payloads go in through the comment form, posted as a browser posts it
(the anti-spam limits lifted by settings, not by changing the code), and are
approved with the admin's bulk action. Editors' payloads are stored as an
import stores them, straight into the database; a sample also goes through the
admin's page editor, rich text in the editor's own format (Draftail). Then
public pages, feeds, sitemaps, Telegram captions and the admin, seen by a
superuser, are scanned as a browser or a feed reader reads them (xss_scan).

Each test asserts 0 findings, and that the payloads reached the pages it
scanned: their markers are there.
"""

import json
import time
from contextlib import contextmanager
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Site
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from kronika.comments.models import Comment
from kronika.news.models import ArticlePage, ArticleTag
from kronika.security.tests.xss_paper import (
    ARTICLE_CODES,
    INPUTS,
    PER_ARTICLE,
    SAFE_EMBED,
    SEARCH_WORD,
    SEARCHABLE,
    STORED_BLOCK_CODES,
    Injected,
    PayloadPaper,
    carried,
    channel_fields,
    chunks,
    expected,
    marker,
    paper_fields,
    tagged,
)
from kronika.security.tests.xss_payloads import PAYLOADS
from kronika.security.tests.xss_scan import markers, scan_html, scan_json_feed, scan_xml
from kronika.telegram.messages import DEFAULT_TEMPLATE
from kronika.telegram.models import Channel, Post
from kronika.telegram.outbox import _content as telegram_content
from kronika.telegram.promotion import TelegramSettings
from kronika.testing import (
    PASSWORD,
    KronikaTestCase,
    comment_form_data,
    feature_choices,
    paper_settings,
    post_comment,
    post_form,
    site_settings,
)

SHOWN_FINDINGS = 15
# A template that puts the article's words inside attributes, as an editor may.
ATTRIBUTE_TEMPLATE = (
    '<a href="https://t.me/share/url?url={link}&amp;text={headline}">{headline}</a>\n'
    '<i>{standfirst}</i> <a href="{link}">Read</a>'
)
ADMIN_SAMPLE = 8  # articles written in the admin's page editor, four payloads each
REVISED = 2  # of which saved twice, to compare revisions
APPROVED_AT_ONCE = 100  # comment ids per bulk action: the address has a length limit
LISTED_COMMENT_PAGES = 3  # pages of the moderation queue scanned
FEATURES = ["bold", "italic", "link", "ol", "ul"]
# What the page editor sets; stored HTML and raw embed URLs it cannot take.
ADMIN_CODES = (
    *(c for c in ARTICLE_CODES if c not in ("rp", "rl", "eu", *STORED_BLOCK_CODES)),
    "dp",
    "dh",
)


@override_settings(
    KRONIKA_PAGE_CACHE=False,
    KRONIKA_COMMENTS_FLOOD_SECONDS=0,
    KRONIKA_COMMENTS_PER_HOUR=0,
    KRONIKA_COMMENTS_DUPLICATE_HOURS=0,
)
class StoredXssTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.timings = {}
        cls.superuser = get_user_model().objects.create_superuser(
            "chief", "chief@example.org", PASSWORD
        )
        now = timezone.now()
        with cls.timed("stored as by an import"):
            cls.paper = PayloadPaper.build(
                cls.home, when=lambda n: now - timedelta(minutes=n + 10)
            )
        with cls.timed("comments posted and approved"):
            cls.comments = cls.post_comments()
            cls.approve_comments()
        with cls.timed("articles written in the admin"):
            cls.admin_articles = cls.write_sample_in_the_admin()

    @classmethod
    @contextmanager
    def timed(cls, phase: str):
        started = time.monotonic()
        yield
        cls.timings[phase] = time.monotonic() - started

    @classmethod
    def post_comments(cls) -> list[Comment]:
        """Each payload as a reader's name and comment, posted by one reader in a burst."""
        client = Client()
        for i in range(len(PAYLOADS)):
            article = cls.paper.articles[i // PER_ARTICLE]
            response = post_comment(
                client, article, name=tagged("cn", [i]), body=tagged("cb", [i])
            )
            assert response.status_code == 303, (i, response.status_code)
            cls.paper.injected.add("cn")
            cls.paper.injected.add("cb")
        comments = list(Comment.objects.order_by("pk"))
        assert len(comments) == len(PAYLOADS), len(comments)
        return comments

    @classmethod
    def approve_comments(cls):
        client = Client()
        client.force_login(cls.superuser)
        for start in range(0, len(cls.comments), APPROVED_AT_ONCE):
            batch = cls.comments[start : start + APPROVED_AT_ONCE]
            ids = urlencode([("id", comment.pk) for comment in batch])
            response = client.post(f"/admin/bulk/comments/comment/approve/?{ids}&next=/admin/")
            assert response.status_code == 302, response.status_code
        for comment in cls.comments:
            comment.refresh_from_db()

    @classmethod
    def write_sample_in_the_admin(cls) -> list[tuple[ArticlePage, range]]:
        """Articles written in the page editor, with payloads spread over the corpus."""
        client = Client()
        client.force_login(cls.superuser)
        groups = chunks(PER_ARTICLE)
        sample = groups[:: len(groups) // ADMIN_SAMPLE][:ADMIN_SAMPLE]
        section = cls.paper.sections[0]
        add = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
        written = []
        for number, indexes in enumerate(sample):
            slug = f"admin-{number}"
            if number < REVISED:
                # A first, harmless revision, so that comparing revisions shows the payloads.
                form = cls.article_form(slug, range(0), "action-draft")
                assert client.post(add, form).status_code == 302
                article = ArticlePage.objects.get(locale__language_code="en", slug=slug)
                edit = reverse("wagtailadmin_pages:edit", args=(article.pk,))
                response = client.post(edit, cls.article_form(slug, indexes, article=article))
            else:
                response = client.post(add, cls.article_form(slug, indexes))
            assert response.status_code == 302, response.content.decode()[-3000:]
            written.append(
                (ArticlePage.objects.get(locale__language_code="en", slug=slug), indexes)
            )
            for code in ADMIN_CODES:
                cls.paper.injected.add(code, carried(code, indexes), admin=True)
        return written

    @classmethod
    def article_form(cls, slug, indexes, action="action-publish", article=None) -> dict:
        image = cls.paper.images[0]
        blocks = [("paragraph", rich_text("<p>The body.</p>", features=FEATURES))]
        for i in indexes:
            # The editor's own rich text: the link's address is the payload itself.
            html = (
                f"<p>{marker(i, 'dp')} {_text(PAYLOADS[i])}"
                f' <a href="{_attribute(PAYLOADS[i])}">{marker(i, "dh")}</a></p>'
            )
            figure = {"image": image.pk, "caption": tagged("fc", [i]), "credit": tagged("fr", [i])}
            embed = {"url": SAFE_EMBED, "title": tagged("et", [i]), "caption": tagged("ec", [i])}
            blocks += [
                ("paragraph", rich_text(html, features=FEATURES)),
                ("heading", {"text": tagged("ht", [i]), "level": "h2"}),
                ("quote", {"quote": tagged("qt", [i]), "attribution": tagged("qa", [i])}),
                ("image", figure),
                ("embed", embed),
            ]
        bylines = [{"author": cls.alice.pk}]
        if article is not None:
            bylines = [
                {"id": link.pk, "author": link.author_id} for link in article.article_authors.all()
            ]
        # taggit's own format: names with commas or spaces in double quotes.
        tags = ", ".join(f'"{tagged("tg", [i])}"' for i in indexes)
        return nested_form_data(
            {
                "title": f"{tagged('hl', indexes)} {SEARCH_WORD} {slug}",
                "slug": slug,
                "standfirst": f"{tagged('st', indexes)} {SEARCH_WORD}",
                "seo_title": tagged("se", indexes),
                "search_description": tagged("sd", indexes),
                "listing_title": tagged("lt", indexes),
                "dateline": tagged("dl", indexes),
                "hero_image": image.pk,
                "hero_caption": tagged("hc", indexes),
                "body": streamfield(blocks),
                "article_authors": inline_formset(bylines, initial=len(bylines) if article else 0),
                "tags": tags,
                **feature_choices(article),
                action: "1",
            }
        )

    # What every test checks its responses with.

    def setUp(self):
        self.findings: list[str] = []
        self.seen: set[str] = set()
        self.scanned = 0

    def scan_page(self, url: str, status=200) -> str:
        return self.scan_response(self.client.get(url), url, status)

    def scan_response(self, response, url: str, status=200) -> str:
        self.assertEqual(response.status_code, status, url)
        text = response.content.decode()
        self.scanned += 1
        self.seen |= markers(text)
        if response["Content-Type"].startswith("application/json"):
            self.findings += _scan_json_answer(json.loads(text), url)
        else:
            self.findings += scan_html(text, url)
        return text

    def scan_feed(self, url: str):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.scanned += 1
        self.seen |= markers(response.content.decode())
        if url.endswith(".json"):
            self.findings += scan_json_feed(json.loads(response.content), url)
        else:
            self.findings += scan_xml(response.content, url)

    def assert_no_findings(self, what: str):
        shown = "\n".join(self.findings[:SHOWN_FINDINGS])
        print(f"\n{what}: {self.scanned} responses scanned, {len(self.findings)} findings")
        self.assertEqual(
            len(self.findings),
            0,
            f"{len(self.findings)} findings in {what}; the first {SHOWN_FINDINGS}:\n{shown}",
        )

    def assert_reached(self, codes, among=None):
        """Each payload's marker for each of `codes` showed in some scanned response."""
        for code in codes:
            indexes = expected(code) if among is None else expected(code) & set(among)
            missing = sorted(i for i in indexes if marker(i, code) not in self.seen)
            self.assertFalse(
                missing,
                f"{INPUTS[code]}: {len(missing)} of {len(indexes)} payloads never showed, "
                f"such as {[PAYLOADS[i] for i in missing[:3]]}",
            )

    def admin_indexes(self) -> set[int]:
        return {i for _, indexes in self.admin_articles for i in indexes}

    # The tests.

    def test_every_payload_went_into_every_input(self):
        timings = ", ".join(
            f"{phase} in {seconds:.0f} s" for phase, seconds in self.timings.items()
        )
        print(f"\n{len(PAYLOADS)} payloads; {timings}\n")
        print(self.paper.injected.report())
        self.assertGreaterEqual(len(PAYLOADS), 500)
        for code, name in INPUTS.items():
            if code in ("dp", "dh") or code.startswith("p"):
                continue  # the editor's sample; the paper's settings change in test_public_pages
            self.assertGreaterEqual(
                self.paper.injected.counts.get(code, 0), len(expected(code)), name
            )
        for comment in self.comments:
            self.assertEqual(comment.status, Comment.Status.APPROVED)

    def test_public_pages_run_no_payload(self):
        # The paper's settings show on every page; each article page is shown
        # with settings holding that article's payloads.
        paper = paper_settings()
        channel = site_settings(TelegramSettings, channel_url="https://t.me/payloads")
        carriers = [(a, self.paper.payloads_of(a)) for a in self.paper.articles]
        injected = Injected()
        for article, indexes in carriers + self.admin_articles:
            for settings, fields in ((paper, paper_fields), (channel, channel_fields)):
                for field, value in fields(indexes).items():
                    setattr(settings, field, value)
                settings.save()
            for code in ("pn", "pt", "pp", "px"):
                injected.add(code, carried(code, indexes))
            self.scan_page(article.url)
        print(f"\nThe paper's settings, shown on the article pages:\n{injected.report()}")
        for section in self.paper.sections:
            self.scan_page(section.url)
        for author in self.paper.authors:
            self.scan_page(author.get_absolute_url())
        for tag in tags_in_use()[::8]:
            self.scan_page(reverse("news:tag", args=[tag.slug]))
        for comment in self.comments[::16]:
            self.scan_page(reverse("comments:reply", args=[comment.pk]))
        self.scan_page("/")
        for page in range(1, (SEARCHABLE + 19) // 20 + 1):
            self.scan_page(f"/search/?{urlencode({'q': SEARCH_WORD, 'page': page})}")
        self.assert_no_findings("public pages")
        self.assert_reached([code for code in INPUTS if code not in ("it", "dp", "dh")])
        self.assert_reached(("dp", "dh"), self.admin_indexes())

    def test_forms_shown_again_with_a_readers_words_run_no_payload(self):
        """The comment form and the search box, given back with what was typed in them."""
        client = Client()
        for i in range(0, len(PAYLOADS), 8):
            article = self.paper.articles[i // PER_ARTICLE]
            # Without the form's token, the comment comes back to be sent again.
            data = comment_form_data(article, name=tagged("cn", [i]), body=tagged("cb", [i]))
            data["started"] = ""
            response = post_form(client, f"/comments/{article.pk}/", data)
            self.scan_response(response, f"comment form for payload {i}", status=400)
            self.scan_page(f"/search/?{urlencode({'q': PAYLOADS[i]})}")
        self.assert_no_findings("forms shown again")
        self.assert_reached(("cn", "cb"), range(0, len(PAYLOADS), 8))

    def test_feeds_and_sitemaps_run_no_payload(self):
        for url in ("/feeds/rss/", "/feeds/atom/", "/feeds/feed.json"):
            self.scan_feed(url)
        for sitemap in ("articles", "sections", "tags", "authors", "news"):
            self.scan_feed(f"/sitemap-{sitemap}.xml")
        for section in self.paper.sections:
            if section.get_children().exists():
                self.scan_feed(f"/feeds/sections/{section.slug}/rss/")
                self.scan_feed(f"/feeds/sections/{section.slug}/atom/")
        for author in self.paper.authors[::40]:
            self.scan_feed(f"/feeds/authors/{author.slug}/rss/")
        for tag in tags_in_use()[::120]:
            self.scan_feed(f"/feeds/tags/{tag.slug}/atom/")
        self.assert_no_findings("feeds and sitemaps")
        body = ("rp", "rl", "ht", "qt", "qa", "fc", "fr", "eu", "et", "ec", *STORED_BLOCK_CODES)
        self.assert_reached(("hl", "st", "tg", "an", *body))

    def test_telegram_captions_run_no_payload(self):
        for template in (DEFAULT_TEMPLATE, ATTRIBUTE_TEMPLATE):
            channel = Channel(name="payloads", chat_id="@payloads", post_template=template)
            for article in self.paper.articles:
                caption, _ = telegram_content(Post(article=article, channel=channel))
                self.scanned += 1
                self.seen |= markers(caption)
                self.findings += scan_html(caption, f"Telegram caption of {article.slug}")
        self.assert_no_findings("Telegram captions")
        self.assert_reached(("hl", "st"))

    def test_the_admin_runs_no_payload_for_a_superuser(self):
        self.client.force_login(self.superuser)
        self.scan_page("/admin/")
        for page in (self.home, *self.paper.sections[:2]):
            self.scan_page(reverse("wagtailadmin_explore", args=(page.pk,)))
        edited = [article for article, _ in self.admin_articles] + self.paper.articles[1:3]
        for article in edited:
            self.scan_page(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
        for article in edited[: REVISED + 2]:
            self.scan_page(reverse("wagtailadmin_pages:history", args=(article.pk,)))
        for article in edited[:REVISED]:
            first, last = article.revisions.order_by("pk")
            view = ("wagtailadmin_pages:revisions_view", (article.pk, last.pk))
            compare = ("wagtailadmin_pages:revisions_compare", (article.pk, first.pk, last.pk))
            for name, args in (view, compare):
                self.scan_page(reverse(name, args=args))
        comments = reverse("wagtailsnippets_comments_comment:list")
        for page in range(1, LISTED_COMMENT_PAGES + 1):
            self.scan_page(f"{comments}?p={page}")
        for comment in self.comments[::200]:
            self.scan_page(reverse("wagtailsnippets_comments_comment:edit", args=(comment.pk,)))
        ids = urlencode([("id", comment.pk) for comment in self.comments[:20]])
        self.scan_page(f"/admin/bulk/comments/comment/spam/?{ids}&next=/admin/")
        authors = reverse("wagtailsnippets_news_author:list")
        for page in (1, 2):
            self.scan_page(f"{authors}?p={page}")
        for author in self.paper.authors[:2]:
            self.scan_page(reverse("wagtailsnippets_news_author:edit", args=(author.pk,)))
        for page in (1, 2):
            self.scan_page(f"{reverse('wagtailimages:index')}?p={page}")
        for image in self.paper.images[:2]:
            self.scan_page(reverse("wagtailimages:edit", args=(image.pk,)))
        for term in ("zx", "svg"):
            self.scan_page(
                f"{reverse('wagtailadmin_tag_autocomplete')}?{urlencode({'term': term})}"
            )
        # The editor refuses a script URL in an embed, and shows the form again.
        section = self.paper.sections[0]
        add = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
        form = self.article_form("refused", self.admin_articles[0][1])
        form.update(
            {
                "body-count": "1",
                "body-0-type": "embed",
                "body-0-deleted": "",
                "body-0-order": "0",
                "body-0-value-url": "javascript:alert(1)",
                "body-0-value-title": tagged("et", [0]),
                "body-0-value-caption": "",
            }
        )
        self.scan_response(self.client.post(add, form), "a refused page form")
        search = reverse("wagtailadmin_pages:search")
        for page in (1, 2):
            self.scan_page(f"{search}?{urlencode({'q': SEARCH_WORD, 'p': page})}")
        self.scan_page(reverse("wagtailadmin_reports:site_history"))
        self.scan_page(reverse("ratings_report"))
        site = Site.objects.get(is_default_site=True)
        self.scan_page(reverse("wagtailsettings:edit", args=("base", "papersettings", site.pk)))
        self.assert_no_findings("admin views")
        self.assert_reached(ADMIN_CODES, self.admin_indexes())
        self.assert_reached(
            ARTICLE_CODES, {i for a in edited[ADMIN_SAMPLE:] for i in self.paper.payloads_of(a)}
        )
        # The moderation queue lists the newest comments first, 20 a page.
        newest = sorted(range(len(self.comments)), key=lambda i: self.comments[i].created_at)
        self.assert_reached(("cn", "cb"), newest[-LISTED_COMMENT_PAGES * 20 :])
        self.assert_reached(("an", "ab", "it", "ia", "ir"), range(PER_ARTICLE * 2))


def tags_in_use():
    return Tag.objects.filter(pk__in=ArticleTag.objects.values("tag_id")).order_by("pk")


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    return _text(value).replace('"', "&quot;")


def _scan_json_answer(data, where: str) -> list[str]:
    """An admin answer in JSON: choosers put HTML in it; everything else is data."""
    findings = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "html" and isinstance(value, str):
                findings += scan_html(value, where)
            else:
                findings += _scan_json_answer(value, where)
    elif isinstance(data, list):
        for value in data:
            findings += _scan_json_answer(value, where)
    return findings
