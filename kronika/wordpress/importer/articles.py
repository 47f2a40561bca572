"""WordPress's posts as articles in their sections, with bylines, tags and comments."""

from datetime import datetime

from django.utils.text import Truncator

from kronika.comments.policy import ArticleCommentPolicy, Policy
from kronika.news.models import ArticleAuthor, ArticlePage
from kronika.wordpress import wxr
from kronika.wordpress.importer import publishing
from kronika.wordpress.importer.values import fingerprint_for
from kronika.wordpress.markup import plain
from kronika.wordpress.models import ImportedItem

EXCERPT_WORDS = 55  # what WordPress itself shows where a post has no excerpt


class Articles:
    """Each post made an article, or updated; the newest sticky one leads the home page."""

    def __init__(self, importer):
        self.importer = importer
        self.report = importer.report
        self.sticky: list[tuple[datetime, int]] = []  # (first publication, article id)

    def add(self, item: wxr.Item):
        title = plain(item.title)
        if item.status in ("trash", "auto-draft", "inherit"):
            self.report.skip("post", item.post_id, title, f"its status is “{item.status}”")
            return
        record = self.importer.post_record("post", item)
        fingerprint = fingerprint_for(
            item.title, item.slug, item.content, item.excerpt, item.status, item.date_gmt,
            item.date, item.modified_gmt, item.creator, item.comment_status, item.password,
            item.sticky, item.terms, item.meta.get("_thumbnail_id"),
        )  # fmt: skip
        article = self.importer.existing("post", record.key) if record else None
        if article is not None and record.fingerprint == fingerprint:
            self.report.count("post", "unchanged")
        else:
            article = self._write(item, article, title)
            self.importer.remember(
                "post", item.post_id, article, guid=item.guid, fingerprint=fingerprint
            )
            if record is not None and record.key != str(item.post_id):
                ImportedItem.objects.filter(pk=record.pk).delete()
        if item.sticky and article.live:
            self.sticky.append((article.first_published_at, article.pk))
        self.importer.comments.add_all(item, article)
        if item.status in publishing.LIVE_STATUSES:
            self.importer.redirects.add(item.link, page=article)
            self.importer.redirects.add(f"/?p={item.post_id}", page=article)

    def _write(self, item: wxr.Item, article: ArticlePage | None, title: str):
        kind = "post"
        conversion = publishing.convert_body(self.report, self.importer.media, kind, item, title)
        section = self.importer.sections.for_item(item)
        categories = item.terms_in("category")
        tags = [self.importer.tags.add(slug, name) for slug, name in item.terms_in("post_tag")]
        if len(categories) > 1:
            tags += [self.importer.tags.add(slug, name) for slug, name in categories[1:]]
            self.report.note(
                kind,
                item.post_id,
                title,
                "categories",
                f"filed in “{section.title}”; also in "
                + ", ".join(f"“{plain(name)}”" for _, name in categories[1:])
                + ", kept as tags",
            )
        authors = [self.importer.authors.for_login(item.creator)] + [
            self.importer.authors.for_login(slug.removeprefix("cap-"))
            for slug, _ in item.terms_in("author")
        ]
        fields = {
            "title": publishing.fitted_title(self.report, kind, item, title),
            "standfirst": self._standfirst(kind, item, title),
            "body": conversion.blocks or self._empty_body(kind, item, title),
            "hero_image": self._featured_image(kind, item, title),
            # Closed in WordPress stays closed; open follows the paper's own rules.
            "comment_policies": [ArticleCommentPolicy(policy=Policy.CLOSED)]
            if item.comment_status == "closed"
            else [],
        }
        outcome = "updated"
        if article is None:
            article = ArticlePage(
                slug=publishing.free_slug(section, publishing.slug_for(item, title)),
                live=False,
                **fields,
            )
            outcome = "imported"
        else:
            for name, value in fields.items():
                setattr(article, name, value)
        article.article_authors = [
            ArticleAuthor(author=author, sort_order=order)
            for order, author in enumerate(dict.fromkeys(authors))
        ]
        article.tags.set(list(dict.fromkeys(tags)))
        if outcome == "imported":
            section.add_child(instance=article)
        elif article.get_parent().pk != section.pk:
            article.move(section, pos="last-child")
            article.refresh_from_db()
        publishing.publish(self.report, kind, item, article, title)
        self.report.count(kind, outcome)
        return article

    def _empty_body(self, kind, item, title) -> list[dict]:
        # An article must have a body; an empty paragraph keeps the post, live
        # as it was, and the editor's form asks for the text it never had.
        self.report.note(kind, item.post_id, title, "content", "none: the body is left empty")
        return [{"type": "paragraph", "value": ""}]

    def _standfirst(self, kind, item, title) -> str:
        text = plain(item.excerpt)
        if not text:
            text = Truncator(plain(item.content)).words(EXCERPT_WORDS)
        if not text:
            detail = "no text: the headline stands in"
            self.report.note(kind, item.post_id, title, "excerpt", detail)
            text = title or f"Untitled ({item.post_id})"
        if len(text) > 600:
            self.report.note(kind, item.post_id, title, "excerpt", "shortened to 600 characters")
            text = Truncator(text).chars(600)
        return text

    def _featured_image(self, kind, item, title):
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        if not thumbnail:
            return None
        image = self.importer.media.image(int(thumbnail)) if thumbnail.isdigit() else None
        if image is None:
            self.report.note(
                kind, item.post_id, title, "featured image", f"attachment {thumbnail} not imported"
            )
        return image

    def choose_lead_story(self):
        if not self.sticky:
            return
        _, lead = max(self.sticky)
        home = self.importer.home
        if home.lead_article_id == lead:
            return
        home.lead_article_id = lead
        home.save_revision().publish()
