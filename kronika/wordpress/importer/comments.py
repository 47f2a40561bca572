"""WordPress's comments on posts as readers' comments, threaded one level deep."""

from django.utils import timezone

from kronika.base.readers import fingerprint_of
from kronika.comments.models import Comment
from kronika.news.models import ArticlePage
from kronika.wordpress import wxr
from kronika.wordpress.importer.values import aware, fingerprint_for, valid_email
from kronika.wordpress.markup import plain, soup
from kronika.wordpress.models import ImportedItem


class Comments:
    """Each post's comments made, or updated, with their moderation states."""

    def __init__(self, importer):
        self.importer = importer
        self.report = importer.report

    def add_all(self, item: wxr.Item, article: ArticlePage):
        made: dict[int, Comment] = {}
        parents = {comment.comment_id: comment.parent for comment in item.comments}
        for source in sorted(item.comments, key=lambda comment: comment.comment_id):
            self._add(item, article, source, parents, made)

    def _add(self, item, article, source: wxr.Comment, parents, made):
        title = source.author or "Anonymous"
        if source.kind in ("pingback", "trackback"):
            reason = f"a {source.kind}, not a comment"
            self.report.skip("comment", source.comment_id, title, reason)
            return
        status = {
            "1": Comment.Status.APPROVED,
            "0": Comment.Status.PENDING,
            "spam": Comment.Status.SPAM,
        }.get(source.approved)
        if status is None:
            reason = "in WordPress's trash" if "trash" in source.approved else source.approved
            self.report.skip("comment", source.comment_id, title, f"not imported: {reason}")
            return
        # Kronika threads one level deep: a reply to a reply joins its top comment.
        top, depth, hops = source.parent, 0, 0
        while parents.get(top) and hops < len(parents):
            top, depth, hops = parents[top], depth + 1, hops + 1
        parent = made.get(top) if top else None
        if top and parent is None:
            self.report.note(
                "comment", source.comment_id, title, "thread", "its parent was not imported"
            )
        elif depth:
            detail = "a deeper reply, now under its thread"
            self.report.note("comment", source.comment_id, title, "thread", detail)
        email = source.email.strip()
        if email and not valid_email(email):
            self.report.note("comment", source.comment_id, title, "email", "not a valid address")
            email = ""
        fields = {
            "article": article,
            "parent": parent,
            "name": (plain(source.author) or "Anonymous")[:80],
            "email": email[:254],
            "body": plain_paragraphs(source.content),
            "status": status,
            "client": fingerprint_of(source.ip),
            "created_at": source.date_gmt
            or aware(source.date)
            or article.first_published_at
            or timezone.now(),
        }
        kept = {name: value for name, value in fields.items() if name not in ("article", "parent")}
        fingerprint = fingerprint_for(kept, source.parent)
        record = self.importer.record(ImportedItem.Kind.COMMENT, source.comment_id)
        comment = (
            self.importer.existing(ImportedItem.Kind.COMMENT, source.comment_id)
            if record
            else None
        )
        if comment is not None and record.fingerprint == fingerprint:
            self.report.count("comment", "unchanged")
        else:
            outcome = "imported" if comment is None else "updated"
            comment = comment or Comment()
            for name, value in fields.items():
                setattr(comment, name, value)
            comment.save()
            self.importer.remember(
                ImportedItem.Kind.COMMENT, source.comment_id, comment, fingerprint=fingerprint
            )
            self.report.count("comment", outcome)
        made[source.comment_id] = comment if comment.parent_id is None else comment.parent


def plain_paragraphs(markup: str) -> str:
    """A comment's text, its paragraphs kept as blank lines."""
    if not markup:
        return ""
    tree = soup(markup.replace("\r\n", "\n"))
    for br in tree.find_all("br"):
        br.replace_with("\n")
    for paragraph in tree.find_all("p"):
        paragraph.insert_after("\n\n")
    # The parser has decoded the entities once, which is all WordPress encoded.
    text = tree.get_text()
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    return "\n\n".join(part for part in paragraphs if part)
