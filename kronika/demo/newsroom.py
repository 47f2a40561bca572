"""The demo's newsroom at mid-day: a story the reporter sent for review, a draft the
editor started and left, and a column scheduled for tomorrow morning, so that the
editors' dashboard has work on it the first time someone signs in to try it.

Loaded after the accounts, which own the work; keyed by slug, so loading twice adds
nothing. None of it is live: readers see the column when its time comes.
"""

import json
from datetime import datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Revision, TaskState, WorkflowState

from kronika.demo.loader import BYLINES, article_from_spec
from kronika.news.models import ArticlePage, Author, SectionPage

WORK = Path(__file__).parent / "content" / "newsroom.json"
STATES = ("in review", "draft", "scheduled")
# The scheduled column goes live with the paper's first readers of the morning.
GOES_LIVE = time(7)
# Wagtail e-mails the reviewers when a page is submitted; this submission is
# staged, and the demo has no mail server, so it is sent nowhere.
NO_MAIL = "django.core.mail.backends.dummy.EmailBackend"


def load_work_in_progress(now=None) -> dict[str, int]:
    """Add the pieces of work missing; how many of each state were added."""
    specs = json.loads(WORK.read_text(encoding="utf-8"))["articles"]
    now = now or timezone.now()
    added = dict.fromkeys(STATES, 0)
    with transaction.atomic(), override_settings(EMAIL_BACKEND=NO_MAIL):
        for spec in specs:
            added[spec["state"]] += _work(spec, now)
    return added


def tomorrow_morning(now) -> datetime:
    """GOES_LIVE on the day after `now`, in the paper's time zone (TIME_ZONE)."""
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, GOES_LIVE))


def _work(spec, now) -> bool:
    section = SectionPage.objects.get(
        slug=spec["section"], locale__language_code=settings.LANGUAGE_CODE
    )
    if ArticlePage.objects.child_of(section).filter(slug=spec["slug"]).exists():
        return False
    user = get_user_model().objects.get(username=spec["account"])
    # Written under the account's own byline unless the spec names the writers.
    slugs = spec.get("authors") or [BYLINES[spec["account"]]]
    authors = Author.objects.in_bulk(slugs, field_name="slug")
    article = article_from_spec({**spec, "authors": slugs}, authors)
    article.owner = user
    if spec["state"] == "scheduled":
        article.go_live_at = tomorrow_morning(now)
    section.add_child(instance=article)
    revision = article.save_revision(user=user)
    if spec["state"] == "in review":
        article.get_workflow().start(article, user)
    elif spec["state"] == "scheduled":
        # As the editor's Publish does with a go-live time: the revision is
        # approved for then, and kronika.news.scheduled publishes it.
        revision.publish(user=user)
    _backdate(article, revision, now - timedelta(minutes=spec["minutes_ago"]))
    return True


def _backdate(article, revision, when) -> None:
    """Saved some time ago, as the dashboard then says, rather than just now."""
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    ArticlePage.objects.filter(pk=article.pk).update(latest_revision_created_at=when)
    WorkflowState.objects.for_instance(article).update(created_at=when)
    TaskState.objects.for_instance(article).update(started_at=when)
