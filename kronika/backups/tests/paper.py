"""What the backup tests do inside a site's own `kronika shell` (see support.Site.call)."""

import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document

from kronika.comments.models import Comment
from kronika.news.models import ArticlePage, HomePage, SectionPage
from kronika.ratings.models import Rating
from kronika.telegram.models import Channel, Post
from kronika.testing import PASSWORD, draft_article, make_image, publish_article

# Beyond 32 bits, as Telegram's message IDs in large channels are.
FIRST_MESSAGE_ID = 2**33
# Stored under this name rather than uploaded, so that the tests can find it in
# an archive: an upload's name starts with a random tag.
ANNUAL_REPORT = "documents/annual-report.pdf"


def build() -> None:
    """A small paper with one of everything a backup must keep."""
    call_command("migrate", verbosity=0)
    User = get_user_model()
    editor = User.objects.create_user("editor", "editor@example.org", PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    User.objects.create_user("reader", "reader@example.org", PASSWORD)

    news = SectionPage(title="News", slug="news", show_in_menus=True)
    HomePage.objects.get().add_child(instance=news)
    news.save_revision().publish()
    # Disabled, so that publishing queues nothing; the posts below were "sent" earlier.
    channel = Channel.objects.create(name="Kronika", chat_id="@kronika_backups", enabled=False)
    for number in range(5):
        picture = make_image(f"Picture {number}", size=(800, 450), color=f"#{number}36699")
        picture.get_rendition("fill-400x225")
        article = publish_article(news, f"Story {number}", hero_image=picture)
        comment = Comment.objects.create(
            article=article,
            name=f"Reader {number}",
            email=f"reader{number}@example.org",
            body=f"Comment {number} on Story {number}.",
            status=Comment.Status.APPROVED,
            client=f"{number:064x}",
        )
        Comment.objects.create(
            article=article, parent=comment, name="Editor", body="A reply.", client="e" * 64
        )
        for voter in range(3):
            Rating.objects.create(article=article, voter=f"voter-{voter}", stars=voter + 2)
        Post.objects.create(
            article=article,
            channel=channel,
            state=Post.State.SENT,
            message_id=FIRST_MESSAGE_ID + number,
            with_photo=True,
            sent_at=timezone.now(),
        )
    # A published article with a later, unpublished revision, and a draft.
    article.title = "Story 4, corrected"
    article.save_revision(user=editor)
    draft_article(news, "A draft")
    # Media beyond pictures: a larger binary file, and a name that is not ASCII.
    Document.objects.create(
        title="Annual report",
        file=default_storage.save(ANNUAL_REPORT, ContentFile(bytes(range(256)) * 8192)),
    )
    # Uploads get ASCII names now, but files stored before, or by other means, keep
    # theirs: Storage.save() takes the name as given.
    Document.objects.create(
        title="Žiemos planas",
        file=default_storage.save(
            "documents/žiemos planas.txt", ContentFile("Ąžuolas ".encode() * 500)
        ),
    )


def write_steadily(ready: str, stop: str) -> None:
    """Commit a comment and a rating together, now and then with a picture or a new article
    too, over and over until the file `stop` appears; print how many transactions."""
    news = SectionPage.objects.get(locale__language_code="en", slug="news")
    article = ArticlePage.objects.live().first()
    Path(ready).touch()
    number = 0
    while not Path(stop).exists():
        with transaction.atomic():
            Comment.objects.create(
                article=article, name="Load", body=f"Load {number}", client=f"{number:064x}"
            )
            Rating.objects.create(article=article, voter=f"load-{number}", stars=number % 5 + 1)
            if number % 3 == 0:
                make_image(f"Load picture {number}", size=(320, 180))
            if number % 10 == 0:
                publish_article(news, f"Load story {number}")
        number += 1
        time.sleep(0.02)
    print(number)


def back_up_every_second(directory: str, count: int, ready: str) -> None:
    """Once `ready` exists, start `kronika backup` once a second, `count` times."""
    while not Path(ready).exists():
        time.sleep(0.05)
    for number in range(count):
        started = time.monotonic()
        call_command("backup", f"{directory}/backup-{number:02d}.tar")
        time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))
