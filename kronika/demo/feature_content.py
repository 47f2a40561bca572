"""What the demo holds of the optional features, for those installed: the paper's
Telegram channel and newsletters, the articles closed to comments, and readers'
comments and ratings.

Each feature's models are imported only where its app is installed
(KRONIKA_FEATURES): the models of an app left out cannot be imported at all.
"""

import hashlib
import json
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings

from kronika.news.models import ArticlePage

READERS = Path(__file__).parent / "content" / "comments.json"


def set_up_channel(site) -> None:
    if not apps.is_installed("kronika.telegram"):
        return
    from kronika.telegram.promotion import EditionChannel, TelegramSettings

    channel = TelegramSettings.for_site(site)
    channel.channel_url = "https://t.me/kronika_demo"
    channel.promo_title = "Join our Telegram channel"
    channel.promo_text = (
        "On our Telegram channel you will always find the latest information, pictures and "
        "videos, also where this site is blocked. It works on a phone, a PC or a laptop."
    )
    channel.save()
    # Each other language's edition advertises a channel of its own, its promo
    # left to the default words in that language.
    for code in settings.KRONIKA_LANGUAGES[1:]:
        EditionChannel.objects.update_or_create(
            paper_channel=channel,
            language=code,
            defaults={"channel_url": f"https://t.me/kronika_demo_{code}"},
        )


# Each other edition's own newsletters, in its language; the first language's
# come with the newsletters' migration.
EDITION_NEWSLETTERS = {
    "lt": (("Dienos apžvalga", "digest"), ("Skubios naujienos", "breaking")),
    "ru": (("Дайджест дня", "digest"), ("Срочные новости", "breaking")),
}


def set_up_newsletters() -> None:
    if not apps.is_installed("kronika.newsletters"):
        return
    from kronika.newsletters.models import Newsletter

    for code in settings.KRONIKA_LANGUAGES[1:]:
        for order, (name, kind) in enumerate(EDITION_NEWSLETTERS.get(code, ())):
            Newsletter.objects.get_or_create(
                language=code, kind=kind, defaults={"name": name, "order": order}
            )


def comment_policy(*, closed: bool) -> dict:
    """The fields that close a new article to comments, where comments are installed."""
    if not closed or not apps.is_installed("kronika.comments"):
        return {}
    from kronika.comments.policy import ArticleCommentPolicy, Policy

    return {"comment_policies": [ArticleCommentPolicy(policy=Policy.CLOSED)]}


def load_readers(now) -> dict[str, int]:
    """Add the comments and ratings missing, where their features are installed; their counts."""
    readers = json.loads(READERS.read_text(encoding="utf-8"))
    added = {}
    if apps.is_installed("kronika.comments"):
        added["comments"] = sum(_comments(thread) for thread in readers["threads"])
    if apps.is_installed("kronika.ratings"):
        added["ratings"] = sum(
            _ratings(slug, counts, now) for slug, counts in readers["ratings"].items()
        )
    return added


def _demo_client(name: str) -> str:
    """A stand-in for the keyed client hash that a real comment would carry."""
    return hashlib.sha256(f"kronika-demo-reader:{name}".encode()).hexdigest()


def _comments(thread) -> int:
    from kronika.comments.models import Comment

    article = ArticlePage.objects.get(
        slug=thread["article"], locale__language_code=settings.LANGUAGE_CODE
    )
    if Comment.objects.on(article).exists():
        return 0
    added = 0

    def add(spec, parent=None):
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            name=spec["name"],
            email=spec["email"],
            body=spec["body"],
            status=spec["status"],
            held_because=spec.get("held_because", ""),
            client=_demo_client(spec["email"] or spec["name"]),
            created_at=article.first_published_at + timedelta(hours=spec["hours_after"]),
        )
        return comment

    for spec in thread["comments"]:
        top = add(spec)
        added += 1
        for reply in spec["replies"]:
            add(reply, parent=top)
            added += 1
    return added


def _ratings(slug, counts, now) -> int:
    """Readers' votes: counts[n] readers gave n + 1 stars."""
    from kronika.ratings.models import Rating, recount

    article = ArticlePage.objects.get(slug=slug, locale__language_code=settings.LANGUAGE_CODE)
    if Rating.objects.filter(article=article).exists():
        return 0
    votes = [
        Rating(
            article=article,
            voter=_demo_client(f"{slug}:{stars}:{n}"),
            stars=stars + 1,
            created_at=now,
            updated_at=now,
        )
        for stars, count in enumerate(counts)
        for n in range(count)
    ]
    Rating.objects.bulk_create(votes)
    # bulk_create sends no signal, and the article shows the sum it keeps.
    recount(article.pk)
    return len(votes)
