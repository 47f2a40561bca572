"""The outbox: what to tell each channel, kept in the database and sent in order.

Publishing only writes rows (in the publishing transaction); the worker's
`drain_channel` task makes the calls, one at a time per channel, paced and
retried, and records every call.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kronika.base.deferred import enqueue
from kronika.telegram.bot_api import Answer, BotApi, NotSent, Uncertain
from kronika.telegram.messages import CAPTION_LIMIT, TEXT_LIMIT, compose
from kronika.telegram.models import Call, Channel, Delivery, Post, posts_to_telegram

DELETE_WINDOW = timedelta(hours=48)
PHOTO_FILTER = "max-1280x1280|format-jpeg|jpegquality-85"

_suspended: ContextVar[bool] = ContextVar("telegram_suspended", default=False)


@contextmanager
def posting_suspended():
    """Publish without posting: for bulk imports of an archive the channel has seen."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


# What publishing asks for ------------------------------------------------------


def article_published(article) -> None:
    if _suspended.get() or not article.live:
        return
    # Wagtail sets both times from one clock reading only on an article's first publication.
    first_time = article.first_published_at == article.last_published_at
    Channel.from_settings()
    for channel in Channel.objects.for_article(article):
        post = Post.objects.filter(article=article, channel=channel).first()
        if post is None:
            if first_time and posts_to_telegram(article):
                post = Post.objects.create(article=article, channel=channel)
                _queue(post, Delivery.Action.SEND)
        elif post.state in (Post.State.SENT, Post.State.WITHDRAWN):
            # A withdrawn post gets its article back when the article is republished.
            _queue(post, Delivery.Action.EDIT)


def article_unpublished(article) -> None:
    for post in Post.objects.filter(article=article).select_related("channel"):
        pending_send = post.deliveries.filter(
            action=Delivery.Action.SEND, state=Delivery.State.PENDING
        )
        if pending_send.update(state=Delivery.State.SUPERSEDED):
            post.state = Post.State.CANCELLED
            post.save(update_fields=["state"])
            continue
        if post.message_id and post.state == Post.State.SENT:
            recent = post.sent_at and timezone.now() - post.sent_at < DELETE_WINDOW
            _queue(post, Delivery.Action.DELETE if recent else Delivery.Action.WITHDRAW)


def resend(post) -> None:
    """An editor's decision to send a failed or uncertain post (again)."""
    post.state = Post.State.QUEUED
    post.error = ""
    post.save(update_fields=["state", "error"])
    _queue(post, Delivery.Action.SEND)


def send_now(post) -> None:
    """Skip the wait before the next retry of this post's pending calls."""
    post.deliveries.filter(state=Delivery.State.PENDING).update(not_before=timezone.now())
    schedule_drain(post.channel_id)


def _queue(post, action) -> None:
    if action == Delivery.Action.EDIT:
        # Only the latest content matters; it is read when the call is made.
        post.deliveries.filter(action=action, state=Delivery.State.PENDING).update(
            state=Delivery.State.SUPERSEDED
        )
    Delivery.objects.create(post=post, channel_id=post.channel_id, action=action)
    schedule_drain(post.channel_id)


def schedule_drain(channel_id: int, at=None) -> None:
    from kronika.telegram.tasks import drain_channel

    # A backend that cannot wait (the test suite's) leaves retries to the next drain.
    enqueue(drain_channel, channel_id, at=at)


def resume() -> None:
    """At worker start: pick up every channel's unfinished work."""
    for channel_id in (
        Delivery.objects.filter(state__in=[Delivery.State.PENDING, Delivery.State.IN_FLIGHT])
        .values_list("channel_id", flat=True)
        .distinct()
    ):
        schedule_drain(channel_id)


# The worker's side -------------------------------------------------------------


def drain(channel_id: int) -> None:
    """Make the channel's due calls in order, until one has to wait."""
    if not _take_lease(channel_id):
        # Another drain holds the channel. It carries on, unless its worker died
        # holding the lease: so come back when the lease runs out.
        held_until = Channel.objects.filter(pk=channel_id).values_list("lease_until", flat=True)
        if held_until and held_until[0]:
            schedule_drain(channel_id, held_until[0] + timedelta(seconds=1))
        return
    try:
        channel = Channel.objects.get(pk=channel_id)
        _settle_interrupted(channel)
        while True:
            delivery = (
                channel.deliveries.filter(state=Delivery.State.PENDING)
                .select_related("post__article")
                .first()
            )
            if delivery is None:
                # A drain that found the lease taken has left its work to us: let the
                # lease go, then look once more, so nothing queued meanwhile is stranded.
                Channel.objects.filter(pk=channel_id).update(lease_until=None)
                pending = channel.deliveries.filter(state=Delivery.State.PENDING)
                if not pending.exists() or not _take_lease(channel_id):
                    return
                continue
            now = timezone.now()
            if delivery.not_before > now:
                schedule_drain(channel_id, delivery.not_before)
                return
            window_start = now - timedelta(minutes=1)
            calls = channel.calls.filter(made_at__gt=window_start).order_by("made_at")
            if calls.count() >= channel.posts_per_minute:
                schedule_drain(channel_id, calls.first().made_at + timedelta(minutes=1))
                return
            _take_lease(channel_id, renew=True)
            if not _deliver(channel, delivery):
                return
    finally:
        Channel.objects.filter(pk=channel_id).update(lease_until=None)


def _take_lease(channel_id: int, renew: bool = False) -> bool:
    now = timezone.now()
    until = now + timedelta(seconds=settings.KRONIKA_TELEGRAM_TIMEOUT + 15)
    free = Q() if renew else Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    return Channel.objects.filter(free, pk=channel_id).update(lease_until=until) == 1


def _settle_interrupted(channel) -> None:
    """A call still in flight under an expired lease was cut off by a stopped worker."""
    for delivery in channel.deliveries.filter(state=Delivery.State.IN_FLIGHT):
        _uncertain(delivery, "The worker stopped during this call.")


def _deliver(channel, delivery) -> bool:
    """Make one call and record its outcome; False when the channel must now wait."""
    now = timezone.now()
    delivery.state = Delivery.State.IN_FLIGHT
    delivery.attempts += 1
    delivery.first_attempt_at = delivery.first_attempt_at or now
    delivery.save(update_fields=["state", "attempts", "first_attempt_at"])
    post = delivery.post
    try:
        plan = _plan(delivery)
    except Exception as error:
        # Nothing was sent: a broken picture, say. Editors see why and can resend.
        _failed(delivery, f"The post could not be prepared: {error}")
        return True
    if plan is None:
        _done(delivery)
        return True
    try:
        answer = _call(channel, post, plan.method, plan.params, plan.files)
    except NotSent as error:
        return _retry(delivery, str(error))
    except Uncertain as error:
        _uncertain(delivery, str(error))
        return delivery.state != Delivery.State.PENDING
    if answer.ok or (answer.not_modified and delivery.action != Delivery.Action.SEND):
        _succeeded(delivery, answer, plan)
        return True
    if answer.status == 429:
        delivery.state = Delivery.State.PENDING
        delivery.not_before = timezone.now() + timedelta(seconds=answer.retry_after or 1)
        delivery.error = answer.description
        delivery.save(update_fields=["state", "not_before", "error"])
        schedule_drain(channel.pk, delivery.not_before)
        return False
    if answer.status >= 500 or answer.status == 0:
        return _retry(delivery, answer.description)
    if delivery.action == Delivery.Action.DELETE and "not found" in answer.description:
        _succeeded(delivery, answer, plan)  # already gone from the channel
        return True
    _failed(delivery, f"Telegram refused it: {answer.description}")
    return True


def _call(channel, post, method, params, files) -> Answer:
    api = BotApi(channel.token)
    started = timezone.now()
    try:
        answer = api.call(method, {"chat_id": channel.chat_id, **params}, files)
    except (NotSent, Uncertain) as error:
        Call.objects.create(
            channel=channel, post=post, method=method, outcome=str(error)[:500], made_at=started
        )
        raise
    Call.objects.create(
        channel=channel,
        post=post,
        method=method,
        status=answer.status,
        ok=answer.ok,
        outcome=("OK" if answer.ok else answer.description)[:500],
        made_at=started,
        duration_ms=answer.duration_ms,
    )
    return answer


def post_html(article, template: str, *, with_photo: bool = False) -> str:
    """The HTML of the article's post in a channel with this template.

    The editor's preview reads it from the article's latest revision.
    """
    link = urljoin(settings.BASE_URL + "/", (article.get_url() or "").lstrip("/"))
    limit = CAPTION_LIMIT if with_photo or article.hero_image_id else TEXT_LIMIT
    return compose(
        template,
        headline=article.title,
        standfirst=article.standfirst,
        link=link,
        limit=limit,
    )


def _content(post):
    """The post as it should read now: its HTML, its picture, and the article's link."""
    article = post.article.specific
    html = post_html(article, post.channel.post_template, with_photo=post.with_photo)
    return html, article.hero_image


def _photo(image) -> tuple[str, bytes, str]:
    rendition = image.get_rendition(PHOTO_FILTER)
    with rendition.file.open("rb") as handle:
        content = handle.read()
    return f"photo-{image.pk}.jpg", content, "image/jpeg"


@dataclass
class Plan:
    """One call to make, and for a send or an edit, the text and picture it shows."""

    method: str
    params: dict
    files: dict | None = None
    html: str = ""
    image: object = None


def _plan(delivery) -> Plan | None:
    """The call that brings the channel in step, or None when it already is."""
    post = delivery.post
    html_params = {"parse_mode": "HTML"}
    if delivery.action == Delivery.Action.SEND:
        if post.message_id and post.state == Post.State.SENT:
            return None  # already posted: never post twice
        html, image = _content(post)
        if image is not None:
            photo = {"photo": _photo(image)}
            return Plan("sendPhoto", {"caption": html, **html_params}, photo, html, image)
        return Plan("sendMessage", {"text": html, **html_params}, None, html)
    if not post.message_id:
        return None
    target = {"message_id": post.message_id}
    if delivery.action == Delivery.Action.DELETE:
        return Plan("deleteMessage", target)
    if delivery.action == Delivery.Action.WITHDRAW:
        note = compose(
            "{headline}",
            headline=post.channel.withdrawal_note,
            standfirst="",
            link="",
            limit=CAPTION_LIMIT,
        )
        if post.with_photo:
            return Plan("editMessageCaption", {**target, "caption": note, **html_params})
        return Plan("editMessageText", {**target, "text": note, **html_params})
    html, image = _content(post)
    if post.with_photo:
        if image is not None and image.pk != post.sent_image_id:
            media = {"type": "photo", "media": "attach://photo", "caption": html, **html_params}
            photo = {"photo": _photo(image)}
            return Plan("editMessageMedia", {**target, "media": media}, photo, html, image)
        if html == post.sent_caption and post.state == Post.State.SENT:
            return None
        caption = {**target, "caption": html, **html_params}
        return Plan("editMessageCaption", caption, None, html, image)
    if html == post.sent_caption and post.state == Post.State.SENT:
        return None
    return Plan("editMessageText", {**target, "text": html, **html_params}, None, html)


def _succeeded(delivery, answer, plan: Plan) -> None:
    post = delivery.post
    with transaction.atomic():
        if delivery.action == Delivery.Action.SEND:
            message = answer.result if isinstance(answer.result, dict) else {}
            post.message_id = message.get("message_id")
            post.with_photo = bool(message.get("photo"))
            post.sent_at = timezone.now()
        if delivery.action in (Delivery.Action.SEND, Delivery.Action.EDIT):
            # What was sent, not what the article says now: it may have changed meanwhile.
            post.state = Post.State.SENT
            post.sent_caption = plan.html
            post.sent_image_id = plan.image.pk if plan.image and post.with_photo else None
        elif delivery.action == Delivery.Action.DELETE:
            post.state = Post.State.DELETED
        elif delivery.action == Delivery.Action.WITHDRAW:
            post.state = Post.State.WITHDRAWN
        post.error = ""
        post.save()
        _done(delivery)


def _done(delivery) -> None:
    delivery.state = Delivery.State.DONE
    delivery.error = ""
    delivery.save(update_fields=["state", "error"])


def _retry(delivery, reason: str) -> bool:
    """Back off and try again, for up to KRONIKA_TELEGRAM_RETRY_HOURS; then give up."""
    now = timezone.now()
    if now - delivery.first_attempt_at > timedelta(hours=settings.KRONIKA_TELEGRAM_RETRY_HOURS):
        _failed(delivery, f"Gave up after {delivery.attempts} attempts: {reason}")
        return True
    backoff = min(2 ** (delivery.attempts - 1), settings.KRONIKA_TELEGRAM_MAX_BACKOFF)
    delivery.state = Delivery.State.PENDING
    delivery.not_before = now + timedelta(seconds=backoff)
    delivery.error = reason
    delivery.save(update_fields=["state", "not_before", "error"])
    schedule_drain(delivery.channel_id, delivery.not_before)
    return False


def _uncertain(delivery, reason: str) -> None:
    """A send may have been posted: an editor decides. Edits and deletions are retried."""
    if delivery.action != Delivery.Action.SEND:
        delivery.first_attempt_at = delivery.first_attempt_at or timezone.now()
        _retry(delivery, reason)
        return
    delivery.state = Delivery.State.FLAGGED
    delivery.error = reason
    delivery.save(update_fields=["state", "error"])
    Post.objects.filter(pk=delivery.post_id).update(
        state=Post.State.FLAGGED,
        error=(
            f"{reason} It may have been posted. Check the channel; "
            "if the post is missing, resend it."
        ),
    )


def _failed(delivery, reason: str) -> None:
    delivery.state = Delivery.State.FAILED
    delivery.error = reason
    delivery.save(update_fields=["state", "error"])
    post_state = Post.State.FAILED if delivery.action == Delivery.Action.SEND else None
    updates = {"error": reason, **({"state": post_state} if post_state else {})}
    Post.objects.filter(pk=delivery.post_id).update(**updates)
