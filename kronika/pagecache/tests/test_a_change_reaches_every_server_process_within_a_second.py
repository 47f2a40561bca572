"""The page cache of a real server: two web processes, each with pages in memory."""

import subprocess
import sys
import time
import urllib.request

from kronika.pagecache.tests.paper import HIT

PUBLISH = """
import time
from kronika.news.models import SectionPage
from kronika.testing import build_article
section = SectionPage.objects.get(locale__language_code="en", slug="news")
article = build_article(section, {title!r})
section.add_child(instance=article)
article.save_revision().publish()
print(time.time(), flush=True)
"""


def get(url: str) -> tuple[str | None, str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
        return response.headers.get("X-Kronika-Cache"), response.read().decode()


def test_a_published_article_is_on_every_processs_home_page_within_a_second(live_paper):
    home = live_paper.base_url + "/"
    # The two web processes share the port; enough requests reach both.
    answers = [get(home)[0] for _ in range(40)]
    assert answers[-10:] == [HIT] * 10

    title = f"Breaking news {time.time_ns()}"
    # Read as soon as it is printed: the shell takes a while to exit, and that
    # time is not the cache's.
    shell = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kronika",
            "shell",
            "--no-imports",
            "-c",
            PUBLISH.format(title=title),
        ],
        env=live_paper.env,
        stdout=subprocess.PIPE,
        text=True,
    )
    committed = float(shell.stdout.readline())
    stale_for = None
    while stale_for is None and time.time() - committed < 5:
        if title in get(home)[1]:
            stale_for = time.time() - committed
        time.sleep(0.01)
    assert stale_for is not None, "the new article never reached the home page"
    assert stale_for < 1.0, f"a reader saw the old home page {stale_for:.2f} s after publishing"
    assert shell.wait(timeout=60) == 0
    # Afterwards both processes serve the new page from the cache again.
    answers = [get(home) for _ in range(20)]
    assert all(title in page for _, page in answers)
    assert answers[-1][0] == HIT
