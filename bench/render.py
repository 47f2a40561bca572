"""Render timings in-process: every request is a full render by Django, never a cached page.

Requests go through Django's test client, so the whole middleware stack and
the templates run, but no HTTP server or network. Each request carries a
`kronika_bench` cookie: requests with a kronika_* cookie skip the page cache
by design, as a reader with a pending comment or a vote does.
"""

import logging
import math
import random
import re
import statistics
import threading
import time
from collections import Counter
from contextlib import contextmanager
from datetime import timedelta
from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections
from django.db.models import Max, Min
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from bench.corpus import PLACES, Vocabulary
from kronika.news import related
from kronika.news.models import ArticlePage, HomePage, SectionPage

WARM_UP = 20
BYPASS_COOKIE = "kronika_bench"
# A search whose SQL is still running after this long is stopped and counted
# at this time: Wagtail's own SQLite search took 20 s for a common word at
# 10,000 articles, and its time grows with the square of the archive.
SEARCH_LIMIT_MS = 5_000
RESULT_COUNT = re.compile(r"(\d+) results? for")


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


class TimedOut(Exception):
    pass


def _interrupt(database) -> None:
    raw = database.connection
    if raw is None:
        return
    if database.vendor == "postgresql":
        raw.cancel_safe()
    else:
        raw.interrupt()


def _limited_get(client: Client, url: str, expect: str, limit_ms: float):
    """Like _get, but the SQL statement running at `limit_ms` is stopped and TimedOut raised."""
    # Taken here: inside the timer's thread `connection` would be that thread's own.
    timer = threading.Timer(limit_ms / 1000, _interrupt, [connections[DEFAULT_DB_ALIAS]])
    timer.start()
    try:
        with _request_errors_unlogged():
            return _get(client, url, expect)
    except DatabaseError as error:
        if timer.finished.is_set():
            raise TimedOut(url) from error
        raise
    finally:
        timer.cancel()


@contextmanager
def _request_errors_unlogged():
    """Keep a stopped search's traceback out of the log; the test client raises it anyway."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _summary(times: list[float], *percentiles: int) -> dict:
    # quantiles() needs two values; one value is every percentile of itself.
    cuts = statistics.quantiles(times * 2 if len(times) == 1 else times, n=100, method="inclusive")
    summary = {f"p{point}": round(cuts[point - 1], 2) for point in percentiles}
    return {**summary, "max": round(max(times), 2), "n": len(times)}


def _articles(ids: list[int]) -> list[ArticlePage]:
    """The articles with these ids, in that order."""
    found = ArticlePage.objects.filter(pk__in=ids).only("title", "url_path", "path", "depth")
    by_id = {article.pk: article for article in found}
    return [by_id[pk] for pk in ids]


def _sample(rng: random.Random, count: int) -> list[int]:
    ids = list(ArticlePage.objects.published().order_by("pk").values_list("pk", flat=True))
    return rng.sample(ids, min(count, len(ids)))


def _sections() -> list[SectionPage]:
    return list(SectionPage.objects.live().child_of(HomePage.objects.get()).order_by("path"))


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
    """First pages and deep pages (?page=N) of the sections, with the text each must show."""
    first, deep = [], []
    sections = _sections()
    pages = {section.pk: _page_count(section) for section in sections}
    for number in range(count):
        section = rng.choice(sections)
        expect = escape(section.title)
        if number % 2 == 0:
            first.append((section.url, expect))
        else:
            page = rng.randint(min(2, pages[section.pk]), pages[section.pk])
            deep.append((f"{section.url}?page={page}", expect))
    return first, deep


def _page_count(section: SectionPage) -> int:
    articles = ArticlePage.objects.published().in_section(section).count()
    return max(1, math.ceil(articles / settings.KRONIKA_PAGE_SIZE))


def _typical_queries(vocabulary: Vocabulary) -> list[str]:
    words = vocabulary.content.items
    return [words[60], words[150], "Vilnius", f"{words[80]} {words[300]}", words[400]]


def _typical_search_times(client: Client, count: int) -> dict:
    queries = _typical_queries(Vocabulary())
    times, timeouts = [], 0
    for number in range(count + 1):
        query = queries[number % len(queries)]
        url = "/search/?" + urlencode({"q": query})
        try:
            elapsed = _limited_get(client, url, escape(query), SEARCH_LIMIT_MS)[1]
        except TimedOut:
            elapsed, timeouts = SEARCH_LIMIT_MS, timeouts + 1
        if number:  # the first one is the warm-up
            times.append(elapsed)
    return {**_summary(times, 50, 99), "timeouts": timeouts}


def render_times(samples: int = 200) -> dict:
    """p50 and p99 in ms of rendering articles, the home page, sections and a search.

    Articles are a random sample of the whole archive, each fetched once after
    the pictures are primed and WARM_UP other articles rendered. The home page
    and sections (half first pages, half ?page=N) are rendered `samples` times
    each, the search page a quarter as often; a search stopped at
    SEARCH_LIMIT_MS counts as that long, and "timeouts" says how many were.
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
        results["article"] = _summary(times, 50, 99)

        times = [_timed(client, "/", "</html>") for _ in range(samples)]
        results["home"] = _summary(times, 50, 99)

        first, deep = _section_pages(rng, samples)
        first_times = [_timed(client, url, expect) for url, expect in first]
        deep_times = [_timed(client, url, expect) for url, expect in deep]
        results["section"] = _summary(first_times + deep_times, 50, 99)
        results["section_first"] = _summary(first_times, 50, 99)
        results["section_deep"] = _summary(deep_times, 50, 99)

        results["search"] = _typical_search_times(client, max(2, samples // 4))
    return results


def _headline_words(count: int) -> list[str]:
    """The longest word of headlines spread evenly over the archive."""
    ids = list(ArticlePage.objects.published().order_by("pk").values_list("pk", flat=True))
    step = max(1, len(ids) // count)
    titles = ArticlePage.objects.filter(pk__in=ids[::step][:count]).order_by("pk")
    return [
        max(re.findall(r"[^\W\d_]+", title), key=len)
        for title in titles.values_list("title", flat=True)
    ]


def _search_urls(count: int, seed: int) -> list[tuple[str, str, str]]:
    """`count` distinct searches of eight kinds, in turn: (kind, url, query)."""
    rng = random.Random(f"kronika-bench-search:{seed}")  # noqa: S311 - not a secret
    words = Vocabulary(seed).content.items
    forms = [form for place in PLACES[:5] for form in place]
    headline = _headline_words(count)
    sections = [section.slug for section in _sections()]
    span = ArticlePage.objects.published().aggregate(first=Min("first_published_at"))
    span.update(ArticlePage.objects.published().aggregate(last=Max("first_published_at")))
    days = max(1, (span["last"] - span["first"]).days)

    def date_range(number):
        start = span["first"] + timedelta(days=rng.randrange(days))
        end = start + timedelta(days=rng.choice((7, 30, 365)))
        return {"q": words[number % 50], "from": f"{start:%Y-%m-%d}", "to": f"{end:%Y-%m-%d}"}

    kinds = {
        "common": lambda n: {"q": words[n % 30]},
        "rare": lambda n: {"q": words[-1 - 7 * n]},
        "two_words": lambda n: {"q": f"{words[20 + n]} {words[500 + 13 * n]}"},
        "headline_word": lambda n: {"q": headline[n % len(headline)]},
        "lithuanian": lambda n: {"q": forms[n % len(forms)]},
        "section": lambda n: {"q": words[40 + n], "section": sections[n % len(sections)]},
        "date_range": date_range,
        "no_results": lambda n: {"q": f"zzqx{n}vyk"},
    }
    urls = []
    for number in range(count):
        kind = list(kinds)[number % len(kinds)]
        params = kinds[kind](number // len(kinds))
        urls.append((kind, "/search/?" + urlencode(params), params["q"]))
    return urls


def search_times(queries: int = 100, seed: int = 1, limit_ms: float = SEARCH_LIMIT_MS) -> dict:
    """p50 and p95 in ms of `queries` mixed searches, overall and by kind, with result counts.

    A search stopped at `limit_ms` counts as that long; "timeouts" says how many were.
    """
    by_kind, hits, timeouts, times = {}, {}, Counter(), []
    with cache_off():
        client = _client()
        _get(client, "/search/?q=zzqxwarm", "zzqxwarm")
        for kind, url, query in _search_urls(queries, seed):
            try:
                response, elapsed = _limited_get(client, url, escape(query), limit_ms)
                found = RESULT_COUNT.search(response.content.decode())
                hits.setdefault(kind, []).append(int(found.group(1)) if found else 0)
            except TimedOut:
                elapsed = limit_ms
                timeouts[kind] += 1
            times.append(elapsed)
            by_kind.setdefault(kind, []).append(elapsed)
    return {
        **_summary(times, 50, 95),
        "timeouts": sum(timeouts.values()),
        "kinds": {
            kind: {
                **_summary(values, 50, 95),
                "timeouts": timeouts[kind],
                "median_hits": statistics.median(hits[kind]) if kind in hits else None,
            }
            for kind, values in by_kind.items()
        },
    }


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
    return {**_summary(times, 50, 95), "queries_p50": statistics.median(queries)}


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
