"""`kronika worker` that halts at a chosen point inside a task, so a test can kill it there.

    python -m kronika.worker.tests.pausing_worker POINT [--for SECONDS] [worker options]

POINT is one of:

- `go-live:N`: the N-th article this worker makes live, after its page is live and
  its Telegram post and related-articles update are queued, before the publishing
  transaction commits;
- `related`: a related-articles update, once its first list is stored.

On reaching it the worker prints "halted at POINT in article ID" and sleeps (an hour, or
SECONDS before carrying on). The worker is otherwise the real one: the test hook
lives here, not in Kronika's code.
"""

import argparse
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kronika.settings")

import django

django.setup()

from django.core.management import execute_from_command_line  # noqa: E402
from wagtail.signals import page_published  # noqa: E402

from kronika.news import related  # noqa: E402
from kronika.news.models import ArticlePage  # noqa: E402


def halt(point: str, seconds: float, article_id: int) -> None:
    print(f"halted at {point} in article {article_id}", flush=True)
    time.sleep(seconds)


def halt_in_go_live(point: str, seconds: float, nth: int) -> None:
    went_live = []

    def on_published(sender, instance, **kwargs):
        # Receivers run in the order they were connected: Kronika's have queued
        # the post and the related update by now.
        if instance.live:
            went_live.append(instance.pk)
            if len(went_live) == nth:
                halt(point, seconds, instance.pk)

    page_published.connect(on_published, sender=ArticlePage, weak=False)


def halt_in_related_update(point: str, seconds: float) -> None:
    store_related = related.store_related

    def store_then_halt(article, ranked):
        store_related(article, ranked)
        related.store_related = store_related
        halt(point, seconds, article.pk)

    related.store_related = store_then_halt


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("point")
    parser.add_argument("--for", dest="seconds", type=float, default=3600)
    options, worker_args = parser.parse_known_args()
    name, _, nth = options.point.partition(":")
    if name == "go-live":
        halt_in_go_live(options.point, options.seconds, int(nth or 1))
    elif name == "related":
        halt_in_related_update(options.point, options.seconds)
    else:
        sys.exit(f"pausing_worker: unknown point {options.point!r}")
    execute_from_command_line(["kronika", "worker", *worker_args])


if __name__ == "__main__":
    main()
