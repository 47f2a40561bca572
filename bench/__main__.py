"""`make bench`: Kronika at scale, measured on this machine.

    python -m bench [--articles N] [--seconds S] [--workers W] [--crawl N]

Builds a fresh paper of N articles (the demo paper plus a generated archive),
times uncached renders, search and related articles in-process, then serves
it over loopback: a crawl of distinct cold articles, wrk against cached and
uncached pages and the machine's floors (bench/served.py). Prints a table and
writes var/bench/latest.json: one {"name", "value", "unit", "goal", "met",
"vendor"} per goal. On PostgreSQL (DATABASE_URL) it runs in a scratch
database of its own.

Exit status: 0 when every goal is met and nothing regressed, 1 otherwise.
The run always goes on to the end and writes its figures first: a search
stopped at its time limit or a crawled page that was not a 200 is listed
under "Regressions" and fails its goal; it never stops the run.
"""

import argparse
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench import serving
from bench.results import Results, step
from bench.served import Urls, served
from kronika.base.management.commands.serve import request_threads
from kronika.cli import DEMO_LANGUAGES

ROOT = serving.ROOT
OUT = serving.OUT
# The goals are for a paper served by two workers on this 2-core machine.
WORKERS = 2
CRAWL = 10_000


def parse_args():
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument(
        "--threads",
        type=int,
        default=request_threads(multiprocessing.cpu_count()),
        help="request threads per worker (default: what `kronika serve` takes on this machine)",
    )
    parser.add_argument("--crawl", type=int, default=CRAWL, help="articles the crawl fetches")
    return parser.parse_args()


def environment(data_dir: Path, database: dict) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("KRONIKA_", "DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="kronika.settings",
        KRONIKA_DATA_DIR=str(data_dir),
        KRONIKA_SECRET_KEY="bench-only-secret-key-" + "x" * 40,
        KRONIKA_HTTPS="false",
        KRONIKA_LOG_LEVEL="WARNING",
        # The paper is the demo's, loaded in the demo's languages: served in
        # the first only, its other editions' pages would all be 404s.
        KRONIKA_LANGUAGES=DEMO_LANGUAGES,
        PYTHONPATH=str(ROOT),
        **database,
    )
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    return env


def progress(done: int, total: int) -> None:
    if done == total or done % 20_000 == 0:
        step(f"  {done / total:.0%} of the corpus written")


def in_process(args, results: Results, started: dict) -> Urls:
    """Corpus, uncached renders, search and related articles, timed inside one process."""
    from django.db import connection

    from bench import corpus, render, render_floor, searches
    from kronika.news.models import ArticlePage

    vendor = results.vendor
    step(f"Generating {args.articles:,} articles on {vendor}")
    made = corpus.generate(args.articles, progress=progress)
    results.figures["corpus"] = made
    _lap(results, started, "corpus generation")
    total = ArticlePage.objects.published().count()
    results.show("corpus: published articles in total", f"{total:,}")

    step("Timing uncached renders")
    with render.cache_off():
        renders = render.render_times()
        typical = searches.typical_search_times()
        mixed = searches.search_times()
        relatives = render.related_time()
        queries = render.query_counts()
        floor = render_floor.template_floor()
    results.figures.update(
        renders=renders,
        search=mixed,
        typical_search=typical,
        related=relatives,
        queries=queries,
        template_floor=floor,
    )
    _lap(results, started, "in-process timings")
    for page, figures in renders.items():
        results.show(
            f"uncached render, {page} ({vendor})",
            f"p50 {figures['p50']:.1f} ms  p99 {figures['p99']:.1f} ms",
        )
    for part, figures in floor.items():
        results.show(
            f"  floor: {part.replace('_', ' ')} alone",
            f"p50 {figures['p50']:.1f} ms  p99 {figures['p99']:.1f} ms",
        )
    results.show(
        "search, typical page", f"p50 {typical['p50']:.1f} ms  p99 {typical['p99']:.1f} ms"
    )
    results.show(
        "search, 100 mixed queries", f"p50 {mixed['p50']:.1f} ms  p95 {mixed['p95']:.1f} ms"
    )
    for kind, figures in mixed["kinds"].items():
        results.show(f"  search kind: {kind}", f"p95 {figures['p95']:.1f} ms")
    results.show(
        "related articles, one article",
        f"p50 {relatives['p50']:.1f} ms  p95 {relatives['p95']:.1f} ms",
    )
    results.show(
        "queries per page", ", ".join(f"{page} {count}" for page, count in queries.items())
    )
    failures = typical["failures"] + mixed["failures"]
    for message in searches.regressions(failures):
        results.regression(message)

    results.at_most("uncached_article_render_p50", renders["article"]["p50"], "ms", 6)
    results.at_most("uncached_article_render_p99", renders["article"]["p99"], "ms", 20)
    results.at_most("uncached_home_render_p50", renders["home"]["p50"], "ms", 8)
    results.at_most("section_deep_render_p50", renders["section_deep"]["p50"], "ms", 15)
    results.at_most("search_p95", mixed["p95"], "ms", 50)
    results.at_most("search_failures", len(failures), "searches", 0)
    results.at_most("queries_per_article", queries["article"], "queries", 8)
    results.at_most("related_articles_p95", relatives["p95"], "ms", 100)

    urls = _urls(args.crawl, total)
    connection.close()
    return urls


def _urls(crawl: int, total: int) -> Urls:
    """The served part's URLs: the crawl's are a random sample no other part requests."""
    from bench import render
    from kronika.news.models import ArticlePage

    newest = ArticlePage.objects.published().newest_first().select_related(None)
    some = newest[total // 2]
    uncached = list(newest[:200:2])
    taken = {some.pk, *(article.pk for article in uncached)}
    ids = ArticlePage.objects.published().order_by("pk").values_list("pk", flat=True)
    pool = [pk for pk in ids if pk not in taken]
    rng = random.Random("kronika-bench-crawl")  # noqa: S311 - not a secret
    picked = rng.sample(pool, min(crawl, len(pool)))
    crawled = []
    for start in range(0, len(picked), 1_000):
        crawled += [article.url for article in render._articles(picked[start : start + 1_000])]
    return Urls(some.url, some.get_parent().url, [a.url for a in uncached], crawled)


def _cpu_seconds() -> float:
    """CPU time of this process and of the children it has waited for (demo, indexers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _lap(results: Results, started: dict, stage: str) -> None:
    """How long the stage that just ended took, shown and kept in figures.json.

    The CPU time (of this process and every child it waited for: the demo
    loader, the indexers, the servers and wrk) is shown too: on a shared
    machine it says more than the wall time about how long a stage takes on a
    quiet one.
    """
    now, cpu = time.monotonic(), _cpu_seconds()
    seconds, used = now - started["lap"], cpu - started["cpu"]
    started.update(lap=now, cpu=cpu)
    results.figures.setdefault("stage_seconds", {})[stage] = {
        "wall": round(seconds, 1),
        "cpu": round(used, 1),
    }
    results.show(f"stage: {stage}", f"{seconds:,.0f} s ({used:,.0f} s of CPU)")


def main() -> int:
    args = parse_args()
    sys.path.insert(0, str(ROOT))
    from kronika.scratch import scratch_database

    data_dir = OUT / "data"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    started = {"run": time.monotonic(), "lap": time.monotonic(), "cpu": _cpu_seconds()}
    with scratch_database() as database:
        env = environment(data_dir, database)
        os.environ.update(env)
        import django

        django.setup()
        from django.db import connection

        results = Results(connection.vendor)
        step("Loading the demo paper")
        subprocess.run(
            [sys.executable, "-m", "kronika", "demo", "--no-serve"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        _lap(results, started, "demo paper")
        urls = in_process(args, results, started)
        served(args, results, env, data_dir, urls)
        _lap(results, started, "served")
    results.show("benchmark run time", f"{(time.monotonic() - started['run']) / 60:.1f} min")
    path = results.write(OUT)
    results.print_goals()
    print(f"\nWrote {path.relative_to(ROOT)}")
    return 0 if results.passed else 1


if __name__ == "__main__":
    sys.exit(main())
