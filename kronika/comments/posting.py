"""The rules a new comment goes through, from refusal to approval.

Refusals raise `Refused` and store nothing. A comment that passes is stored as
approved or held for moderation, with the reason it was held.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kronika.base.readers import Refused
from kronika.comments.models import Block, Comment
from kronika.comments.policy import CommentSettings, Moderation
from kronika.comments.text import count_links
from kronika.news.models import ArticlePage


@dataclass
class Submission:
    article: ArticlePage
    name: str
    email: str
    body: str
    client: str
    parent_id: int | None = None


def check_words(body: str, name: str, site_settings: CommentSettings):
    text = f"{name}\n{body}".casefold()
    if any(word in text for word in site_settings.blocked_word_list):
        raise Refused(
            400,
            _("Comment refused"),
            _(
                "Your comment contains words that this paper does not publish. "
                "Please rephrase it and send it again."
            ),
        )


def submit(submission: Submission, site_settings: CommentSettings, now=None) -> Comment:
    now = now or timezone.now()
    check_words(submission.body, submission.name, site_settings)
    with transaction.atomic():
        _serialise_client(submission.client)
        parent_id = _thread_of(submission)
        if Block.applies_to(submission.email, submission.client):
            raise Refused(
                403,
                _("Comment refused"),
                _("Comments from you are no longer accepted on this site."),
            )
        _check_flood(submission.client, now)
        _check_duplicate(submission, now)
        status, held_because = _verdict(submission, site_settings)
        return Comment.objects.create(
            article=submission.article,
            parent_id=parent_id,
            name=submission.name,
            email=submission.email,
            body=submission.body,
            client=submission.client,
            status=status,
            held_because=held_because,
            created_at=now,
        )


def _serialise_client(client: str):
    """Make one client's posts take turns, so two at once cannot both pass the flood limit.

    SQLite already runs write transactions one at a time (they begin IMMEDIATE).
    """
    if connection.vendor == "postgresql":
        key = int.from_bytes(hashlib.sha256(client.encode()).digest()[:8], "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _thread_of(submission: Submission) -> int | None:
    if submission.parent_id is None:
        return None
    parent = (
        Comment.objects.approved()
        .on(submission.article)
        .filter(pk=submission.parent_id)
        .only("pk", "parent_id")
        .first()
    )
    if parent is None:
        raise Refused(
            400,
            _("Reply refused"),
            _("The comment you are replying to is not on this article, or is no longer shown."),
        )
    # Replies stay one level deep: a reply to a reply joins the same thread.
    return parent.parent_id or parent.pk


def _check_flood(client: str, now):
    recent = Comment.objects.from_client(client)
    pause = settings.KRONIKA_COMMENTS_FLOOD_SECONDS
    if pause:
        latest = recent.since(now - timedelta(seconds=pause)).order_by("-created_at").first()
        if latest is not None:
            wait = max(1, int(pause - (now - latest.created_at).total_seconds()) + 1)
            raise Refused(
                429,
                _("Slow down, please"),
                ngettext(
                    "You can send one comment every %(pause)s second.",
                    "You can send one comment every %(pause)s seconds.",
                    pause,
                )
                % {"pause": pause}
                + " "
                + ngettext(
                    "Please wait %(wait)s second and send it again.",
                    "Please wait %(wait)s seconds and send it again.",
                    wait,
                )
                % {"wait": wait},
                retry_after=wait,
            )
    per_hour = settings.KRONIKA_COMMENTS_PER_HOUR
    if per_hour and recent.since(now - timedelta(hours=1)).count() >= per_hour:
        raise Refused(
            429,
            _("Too many comments"),
            ngettext(
                "You can send at most %(count)s comment an hour. Please come back later.",
                "You can send at most %(count)s comments an hour. Please come back later.",
                per_hour,
            )
            % {"count": per_hour},
            retry_after=3600,
        )


def _check_duplicate(submission: Submission, now):
    hours = settings.KRONIKA_COMMENTS_DUPLICATE_HOURS
    if not hours:
        return
    if (
        Comment.objects.on(submission.article)
        .since(now - timedelta(hours=hours))
        .filter(body=submission.body)
        .exists()
    ):
        raise Refused(
            409,
            _("Already posted"),
            _("This comment has already been posted on this article."),
        )


def _verdict(submission: Submission, site_settings: CommentSettings) -> tuple[str, str]:
    limit = settings.KRONIKA_COMMENTS_MAX_LINKS
    links = count_links(submission.body)
    if links > limit:
        return Comment.Status.PENDING, f"It has {links} links; more than {limit} are checked."
    mode = site_settings.moderation
    if mode == Moderation.NONE:
        return Comment.Status.APPROVED, ""
    if mode == Moderation.ALL:
        return Comment.Status.PENDING, "Every comment is checked."
    if _is_known(submission):
        return Comment.Status.APPROVED, ""
    return Comment.Status.PENDING, "A first comment from a new commenter."


def _is_known(submission: Submission) -> bool:
    """A returning commenter has an approved comment under the same email.

    Without an email, the same name from the same client counts instead.
    """
    approved = Comment.objects.approved()
    if submission.email:
        return approved.by_email(submission.email).exists()
    return approved.filter(client=submission.client, name=submission.name, email="").exists()
