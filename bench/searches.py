"""Search timings in-process, under a time limit that makes a slow search a reported regression.

Every search runs under a timer: a search whose SQL is still running after
SEARCH_LIMIT_MS has its statement interrupted and is counted at the limit.
What the app then makes of the interrupted statement (an exception, a 503
from DatabaseOutageMiddleware, a 500 or any other answer) does not matter:
the timer firing is what marks a search as stopped, so the bench neither
depends on nor dies of the app's error handling. Each stopped search and each
search that answered anything but a 200 is returned by URL, kind and time, for
the caller to report as a regression; the run goes on.

The limit is 20 times the search_p95 goal: a search that slow is a
regression, not noise, and at 100,000 articles an unlimited one can take a
minute (Wagtail's own SQLite search took 20 s for a common word at 10,000).
A query once stopped is not run again in the repeated "typical" series: its
repetitions count at the limit too, so a regression costs the run seconds,
not minutes.
"""

import logging
import random
import re
import statistics
import threading
import time
from contextlib import contextmanager
from datetime import timedelta
from urllib.parse import urlencode

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Max, Min
from django.test import Client
from django.utils.html import escape

from bench.corpus import PLACES, Vocabulary
from bench.render import _client, _get, _sections, cache_off
from bench.results import summary
from kronika.news.models import ArticlePage

SEARCH_LIMIT_MS = 1_000
RESULT_COUNT = re.compile(r"(\d+) results? for")


def _interrupt(database) -> None:
    raw = database.connection
    if raw is None:
        return
    if database.vendor == "postgresql":
        raw.cancel_safe()
    else:
        raw.interrupt()


@contextmanager
def _request_errors_unlogged():
    """Keep what the app logs of a stopped search off the table; it is a regression instead.

    Whatever the app logs (a traceback, an "outage" warning) says nothing the
    regression line does not, and would split the printed table.
    """
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(logging.NOTSET)


def limited_search(client: Client, url: str, expect: str, limit_ms: float) -> dict:
    """One search: {"url", "ms", "outcome"}, outcome "ok", "stopped" or "answered <status>".

    "ok" also needs the page to show `expect` (the query, escaped); "hits" is
    the result count the page states, when it does.
    """
    # Taken here: inside the timer's thread `connections` would give that thread's own.
    database = connections[DEFAULT_DB_ALIAS]
    fired = threading.Event()

    def stop():
        fired.set()
        _interrupt(database)

    timer = threading.Timer(limit_ms / 1000, stop)
    response = None
    start = time.perf_counter()
    timer.start()
    try:
        with _request_errors_unlogged():
            response = client.get(url, secure=True)
    except Exception:
        if not fired.is_set():
            raise
    finally:
        timer.cancel()
    elapsed = (time.perf_counter() - start) * 1000
    if fired.is_set():
        return {"url": url, "ms": limit_ms, "outcome": "stopped"}
    text = response.content.decode()
    if response.status_code != 200 or expect not in text:
        missing = "" if response.status_code != 200 else f" without {expect!r}"
        return {"url": url, "ms": elapsed, "outcome": f"answered {response.status_code}{missing}"}
    found = RESULT_COUNT.search(text)
    return {
        "url": url,
        "ms": elapsed,
        "outcome": "ok",
        "hits": int(found.group(1)) if found else 0,
    }


def _failures(searches: list[dict]) -> list[dict]:
    """Each failed URL once, with how often it failed."""
    failed = {}
    for search in searches:
        if search["outcome"] != "ok":
            entry = failed.setdefault(search["url"], {**search, "times": 0})
            entry["times"] += 1
    return list(failed.values())


def _typical_queries(vocabulary: Vocabulary) -> list[str]:
    words = vocabulary.content.items
    return [words[60], words[150], "Vilnius", f"{words[80]} {words[300]}", words[400]]


def typical_search_times(count: int = 50, limit_ms: float = SEARCH_LIMIT_MS) -> dict:
    """p50/p99 in ms of a search page for five typical queries in turn, after one warm-up."""
    queries = _typical_queries(Vocabulary())
    searches, stopped = [], {}
    with cache_off():
        client = _client()
        for number in range(count + 1):
            query = queries[number % len(queries)]
            url = "/search/?" + urlencode({"q": query})
            if url in stopped:
                search = stopped[url]
            else:
                search = limited_search(client, url, escape(query), limit_ms)
                if search["outcome"] == "stopped":
                    stopped[url] = search
            if number:
                searches.append({**search, "kind": "typical"})
    times = [search["ms"] for search in searches]
    return {**summary(times, 50, 99), "failures": _failures(searches)}


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

    A search stopped at `limit_ms` counts as that long; "failures" lists every
    search stopped or answered with anything but its results page.
    """
    searches = []
    with cache_off():
        client = _client()
        _get(client, "/search/?q=zzqxwarm", "zzqxwarm")
        for kind, url, query in _search_urls(queries, seed):
            searches.append({**limited_search(client, url, escape(query), limit_ms), "kind": kind})
    kinds = {}
    for search in searches:
        kinds.setdefault(search["kind"], []).append(search)
    return {
        **summary([search["ms"] for search in searches], 50, 95),
        "failures": _failures(searches),
        "kinds": {
            kind: {
                **summary([search["ms"] for search in done], 50, 95),
                "failures": sum(search["outcome"] != "ok" for search in done),
                "median_hits": statistics.median(hits)
                if (hits := [search["hits"] for search in done if "hits" in search])
                else None,
            }
            for kind, done in kinds.items()
        },
    }


def regressions(failures: list[dict], limit_ms: float = SEARCH_LIMIT_MS) -> list[str]:
    """One line per failed search, for Results.regression."""
    lines = []
    for failure in failures:
        what = (
            f"still running after {limit_ms:,.0f} ms, stopped"
            if failure["outcome"] == "stopped"
            else f"{failure['outcome']} after {failure['ms']:,.0f} ms"
        )
        times = f" ({failure['times']} times)" if failure["times"] > 1 else ""
        lines.append(f"search regression: GET {failure['url']} [{failure['kind']}] {what}{times}")
    return lines
