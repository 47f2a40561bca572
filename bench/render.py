"""Render timings in-process: every request is a full render by Django, never a cached page.

Requests go through Django's test client, so the whole middleware stack and
the templates run, but no HTTP server or network. Each request carries a
`kronika_bench` cookie: requests with a kronika_* cookie skip the page cache
by design, as a reader with a pending comment or a vote does.
"""

import math
import random
import statistics
import time
from contextlib import contextmanager
from functools import cache

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.models import Min
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from bench.corpus import Vocabulary
from bench.corpus.rows import front_page
from bench.results import summary
from kronika.news import related
from kronika.news.models import ArticlePage, SectionPage

WARM_UP = 20
BYPASS_COOKIE = "kronika_bench"


@contextmanager
def cache_off():
    """No page cache for what runs inside, so every request is rendered.

    The bypass cookie already keeps each request out of the page cache;
    switching the cache off as well keeps these timings honest should that
    rule ever change.
    """
    with override_settings(KRONIKA_PAGE_CACHE=False):
        yield


@cache
def _collect_static() -> None:
    """Collect the static files once, as `kronika serve` does before serving.

    Reader pages name their CSS and icons through the hashed-names manifest,
    which `kronika demo --no-serve` does not write.
    """
    call_command("collectstatic", interactive=False, verbosity=0)


def _client() -> Client:
    _collect_static()
    hosts = [host.lstrip(".") for host in settings.ALLOWED_HOSTS if host != "*"]
    client = Client(HTTP_HOST=hosts[0] if hosts else "localhost")
    client.cookies[BYPASS_COOKIE] = "1"
    return client


def _get(client: Client, url: str, expect: str):
    """The response and its time in milliseconds; fails unless it is a 200 showing `expect`."""
    start = time.perf_counter()
    # HTTPS, as in production: otherwise a KRONIKA_HTTPS install answers with a redirect.
    response = client.get(url, secure=True)
    elapsed = (time.perf_counter() - start) * 1000
    text = response.content.decode()
    if response.status_code != 200 or expect not in text:
        raise AssertionError(
            f"GET {url} answered {response.status_code}"
            + ("" if response.status_code != 200 else f" without {expect!r}")
        )
    return response, elapsed


def _timed(client: Client, url: str, expect: str) -> float:
    return _get(client, url, expect)[1]


def _articles(ids: list[int]) -> list[ArticlePage]:
    """The articles with these ids, in that order."""
    found = ArticlePage.objects.filter(pk__in=ids).only("title", "url_path", "path", "depth")
    by_id = {article.pk: article for article in found}
    return [by_id[pk] for pk in ids]


def _sample(rng: random.Random, count: int) -> list[int]:
    ids = list(ArticlePage.objects.published().order_by("pk").values_list("pk", flat=True))
    return rng.sample(ids, min(count, len(ids)))


def _sections() -> list[SectionPage]:
    return list(SectionPage.objects.live().child_of(front_page()).order_by("path"))


def _prime(client: Client) -> None:
    """Render every picture at every size the pages use, before anything is timed.

    Wagtail makes an image's rendition the first time a page shows it at a
    size and reuses it after, so a paper in service has them all. One article
    per picture, the home page and the sections' first pages make them here.
    """
    firsts = (
        ArticlePage.objects.published()
        .exclude(hero_image=None)
        # Wagtail orders pages by path, which would make every article its own group.
        .order_by()
        .values("hero_image")
        .annotate(first=Min("pk"))
        .values_list("first", flat=True)
    )
    for article in _articles(list(firsts)):
        _get(client, article.url, escape(article.title))
    _get(client, "/", "</html>")
    for section in _sections():
        _get(client, section.url, escape(section.title))


def _section_pages(rng: random.Random, count: int) -> tuple[list, list]:
    """First pages and deep pages of the sections, with the text each must show.

    A deep page is one of the older half of a section's pages (?page=N), as
    crawlers and archive readers reach them.
    """
    first, deep = [], []
    sections = _sections()
    pages = {section.pk: _page_count(section) for section in sections}
    for number in range(count):
        section = rng.choice(sections)
        expect = escape(section.title)
        if number % 2 == 0:
            first.append((section.url, expect))
        else:
            last = pages[section.pk]
            page = rng.randint(min(last, max(2, last // 2)), last)
            deep.append((f"{section.url}?page={page}", expect))
    return first, deep


def _page_count(section: SectionPage) -> int:
    articles = ArticlePage.objects.published().in_section(section).count()
    return max(1, math.ceil(articles / settings.KRONIKA_PAGE_SIZE))


def render_times(samples: int = 200) -> dict:
    """p50 and p99 in ms of rendering articles, the home page and sections.

    Articles are a random sample of the whole archive, each fetched once after
    the pictures are primed and WARM_UP other articles rendered. The home page
    and sections (half first pages, half deep pages) are rendered `samples`
    times each. Search pages are timed by bench.searches.
    """
    rng = random.Random(f"kronika-bench-render:{samples}")  # noqa: S311 - not a secret
    results = {}
    with cache_off():
        client = _client()
        _prime(client)
        picked = _articles(_sample(rng, samples + WARM_UP))
        for article in picked[:WARM_UP]:
            _timed(client, article.url, escape(article.title))
        times = [_timed(client, a.url, escape(a.title)) for a in picked[WARM_UP:]]
        results["article"] = summary(times, 50, 99)

        times = [_timed(client, "/", "</html>") for _ in range(samples)]
        results["home"] = summary(times, 50, 99)

        first, deep = _section_pages(rng, samples)
        first_times = [_timed(client, url, expect) for url, expect in first]
        deep_times = [_timed(client, url, expect) for url, expect in deep]
        results["section"] = summary(first_times + deep_times, 50, 99)
        results["section_first"] = summary(first_times, 50, 99)
        results["section_deep"] = summary(deep_times, 50, 99)

    return results


def related_time(samples: int = 50) -> dict:
    """p50/p95/max in ms of computing one article's related list, as the worker does."""
    rng = random.Random(f"kronika-bench-related:{samples}")  # noqa: S311 - not a secret
    times, queries = [], []
    for pk in _sample(rng, samples):
        article = ArticlePage.objects.get(pk=pk)
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            related.find_related(article, related.extract_terms(article))
            times.append((time.perf_counter() - start) * 1000)
        queries.append(len(captured))
    return {**summary(times, 50, 95), "queries_p50": statistics.median(queries)}


def _query_count_urls() -> dict[str, tuple[str, str]]:
    ids = list(ArticlePage.objects.published().order_by("pk").values_list("pk", flat=True))
    article = _articles([ids[len(ids) // 2]])[0]
    section = _sections()[0]
    pages = _page_count(section)
    rare = Vocabulary().content.items[-1]
    return {
        "article": (article.url, escape(article.title)),
        "home": ("/", "</html>"),
        "section": (section.url, escape(section.title)),
        "section_deep": (f"{section.url}?page={max(1, pages // 2)}", escape(section.title)),
        # A rare word, so the count does not wait on the slowest kind of search.
        "search": (f"/search/?q={rare}", rare),
    }


def query_counts() -> dict:
    """SQL queries of one render of an article, the home page, a section and a search.

    Each page is rendered once before it is counted, so one-off lookups that
    are cached for the life of a process are not counted.
    """
    counts = {}
    with cache_off():
        client = _client()
        for name, (url, expect) in _query_count_urls().items():
            _get(client, url, expect)
            with CaptureQueriesContext(connection) as captured:
                _get(client, url, expect)
            counts[name] = len(captured)
    return counts
