"""Telegram through a real `kronika demo` and a real `kronika worker`, restarted at will."""

import os
import signal
import tempfile
import time

import pytest

from kronika.telegram.tests.fake_bot_api import FakeBotApi
from kronika.testing_over_http import DemoServer, free_port

TOKEN = "4242:live-test-token"
CHAT = "@kronika_live"
PUBLISH = """
from kronika.news.models import SectionPage
from kronika.testing import build_article
section = SectionPage.objects.get(locale__language_code="en", slug="news")
for n in range({count}):
    article = build_article(section, f"{prefix} {{n:02d}}", live=False, slug=f"{slug}-{{n:02d}}")
    section.add_child(instance=article)
    article.save_revision().publish()
"""


def headline(html: str) -> str:
    return html.split("</b>")[0].removeprefix("<b>")


def headlines(api) -> list[str]:
    """The headlines of the posts in the channel, in the order they were accepted."""
    return [headline(m.get("caption") or m.get("text", "")) for m in api.messages.values()]


def wait_for(condition, timeout, step=0.25) -> float:
    """Seconds until condition() held; fails after `timeout`."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(step)
    raise AssertionError(f"not done within {timeout} s")


@pytest.fixture(scope="module")
def paper():
    api = FakeBotApi(tokens=[TOKEN], port=free_port()).start()
    env = {
        "KRONIKA_TELEGRAM_BOT_TOKEN": TOKEN,
        "KRONIKA_TELEGRAM_CHAT_ID": CHAT,
        "KRONIKA_TELEGRAM_API_BASE": api.base_url,
        "KRONIKA_TELEGRAM_POSTS_PER_MINUTE": "1000",
    }
    with (
        tempfile.TemporaryDirectory() as data_dir,
        DemoServer.running(data_dir, args=("--no-worker",), **env) as server,
    ):
        server.telegram = api
        server.worker = server.start_worker()
        try:
            yield server
        finally:
            os.killpg(server.worker.pid, signal.SIGKILL)
            server.worker.wait()
            api.stop()


def test_the_demo_posts_its_articles_once_and_a_second_run_posts_nothing(paper):
    api = paper.telegram
    wait_for(lambda: len(api.messages) >= 44, timeout=120)
    titles = headlines(api)
    assert len(titles) == 44 and len(set(titles)) == 44, titles
    oldest_first = paper.shell(
        "from kronika.news.models import ArticlePage; "
        "print('|'.join(ArticlePage.objects.published().in_language('en')"
        ".order_by('first_published_at', 'pk')"
        ".values_list('title', flat=True)))"
    ).split("|")
    from html import unescape

    assert [unescape(t) for t in titles] == oldest_first
    assert {p["chat_id"] for p in api.sent()} == {CHAT}

    assert len(api.sent()) == 44, "no send was repeated"
    paper.kronika("demo", "--no-serve")
    time.sleep(3)
    assert len(api.sent()) == 44


def test_429s_are_waited_out_by_the_worker_and_posts_keep_their_order(paper):
    api = paper.telegram
    api.fail_next(3, status=429, retry_after=2)
    paper.shell(PUBLISH.format(count=5, prefix="Rate limited", slug="rate-limited"))
    wait_for(lambda: len(api.messages) >= 44 + 5, timeout=60)
    time.sleep(2)
    assert headlines(api)[44:] == [f"Rate limited {n:02d}" for n in range(5)]
    assert len(api.messages) == 44 + 5, "each article posted once"
    refused = [p for p in api.sent() if headline(p.get("text", "")).startswith("Rate")]
    assert len(refused) == 5 + 3, "three 429s, then five posts"
    assert api.early_calls == [], "no call before its retry_after had passed"


def test_an_outage_and_a_worker_restart_lose_nothing_and_post_nothing_twice(paper):
    api = paper.telegram
    posted_before = len(api.messages)
    api.stop()
    paper.shell(PUBLISH.format(count=20, prefix="During the outage", slug="outage"))
    time.sleep(4)  # the worker tries, and finds the API unreachable
    os.killpg(paper.worker.pid, signal.SIGKILL)
    paper.worker.wait()
    # As if it died in the middle of a drain, holding the channel's lease.
    paper.shell(
        "from datetime import timedelta; from django.utils import timezone; "
        "from kronika.telegram.models import Channel; "
        "Channel.objects.update(lease_until=timezone.now() + timedelta(seconds=20))"
    )
    paper.worker = paper.start_worker()
    time.sleep(4)
    assert len(api.messages) == posted_before

    api.start()
    seconds = wait_for(lambda: len(api.messages) >= posted_before + 20, timeout=60)
    time.sleep(2)
    outage = headlines(api)[posted_before:]
    assert outage == [f"During the outage {n:02d}" for n in range(20)], outage
    assert len(api.messages) == posted_before + 20
    print(f"20 posts arrived {seconds:.1f} s after the Bot API came back")
