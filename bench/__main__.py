"""`make bench`: Kronika at scale, measured on this machine.

    python -m bench [--articles N] [--seconds S] [--workers W]

Builds a fresh paper of N articles (the demo paper plus a generated archive),
times uncached renders, search and related articles in-process, then serves
it over loopback and loads it with wrk. Prints a table and writes
var/bench/latest.json: one {"name", "value", "unit", "goal", "met"} per goal.
On PostgreSQL (DATABASE_URL) it runs in a scratch database of its own.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import serving

ROOT = serving.ROOT
OUT = ROOT / "var" / "bench"


def parse_args():
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--threads", type=int, default=8)
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
        PYTHONPATH=str(ROOT),
        **database,
    )
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    return env


def _write_atomically(path: Path, data) -> Path:
    """A script reading the file never sees half of it."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=1, default=str) + "\n")
    temporary.replace(path)
    return path


def step(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


class Results:
    def __init__(self):
        self.rows: list[tuple[str, str]] = []
        self.goals: list[dict] = []
        self.figures: dict = {}

    def show(self, name: str, value: str) -> None:
        self.rows.append((name, value))
        print(f"    {name:<52} {value}", flush=True)

    def goal(self, name: str, value: float, unit: str, goal: str, met: bool) -> None:
        self.goals.append(
            {"name": name, "value": round(value, 3), "unit": unit, "goal": goal, "met": met}
        )

    def write(self) -> Path:
        OUT.mkdir(parents=True, exist_ok=True)
        _write_atomically(OUT / "figures.json", self.figures)
        return _write_atomically(OUT / "latest.json", self.goals)

    def print_goals(self) -> None:
        print("\nGoals")
        for goal in self.goals:
            mark = "met    " if goal["met"] else "NOT MET"
            value = f"{goal['value']:g} {goal['unit']}"
            print(f"  {mark}  {goal['name']:<44} {value:>16}   goal {goal['goal']}")


def in_process(args, results: Results, env: dict) -> tuple[str, str, list[str]]:
    """Corpus, uncached renders, search and related articles, timed inside one process."""
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection

    from bench import corpus, render
    from kronika.news.models import ArticlePage

    vendor = connection.vendor
    step(f"Generating {args.articles:,} articles on {vendor}")
    started = time.monotonic()
    made = corpus.generate(args.articles, progress=progress)
    results.figures["corpus"] = made
    results.show(
        "corpus: articles generated", f"{args.articles:,} in {time.monotonic() - started:.0f} s"
    )
    total = ArticlePage.objects.published().count()
    results.show("corpus: published articles in total", f"{total:,}")

    step("Timing uncached renders")
    with render.cache_off():
        renders = render.render_times()
        searches = render.search_times()
        relatives = render.related_time()
        queries = render.query_counts()
    results.figures.update(renders=renders, search=searches, related=relatives, queries=queries)
    for page, figures in renders.items():
        results.show(
            f"uncached render, {page} ({vendor})",
            f"p50 {figures['p50']:.1f} ms  p99 {figures['p99']:.1f} ms",
        )
    results.show(
        "search, 100 mixed queries", f"p50 {searches['p50']:.1f} ms  p95 {searches['p95']:.1f} ms"
    )
    results.show(
        "related articles, one article",
        f"p50 {relatives['p50']:.1f} ms  p95 {relatives['p95']:.1f} ms",
    )
    results.show(
        "queries per page", ", ".join(f"{page} {count}" for page, count in queries.items())
    )

    suffix = "" if vendor == "sqlite" else f" ({vendor})"
    article = renders["article"]
    results.goal(
        f"uncached_article_render_p50{suffix}", article["p50"], "ms", "<= 15", article["p50"] <= 15
    )
    results.goal(
        f"uncached_article_render_p99{suffix}", article["p99"], "ms", "<= 60", article["p99"] <= 60
    )
    results.goal(f"search_p95{suffix}", searches["p95"], "ms", "<= 100", searches["p95"] <= 100)
    results.goal(
        f"related_articles_p95{suffix}", relatives["p95"], "ms", "<= 100", relatives["p95"] <= 100
    )

    newest = ArticlePage.objects.published().newest_first().select_related(None)
    some = newest[total // 2]
    section_url = some.get_parent().url
    uncached_urls = [a.url for a in newest[:200:2]]
    connection.close()
    return some.url, section_url, uncached_urls


def progress(done: int, total: int) -> None:
    if done == total or done % 20_000 == 0:
        step(f"  {done / total:.0%} of the corpus written")


PUBLISH = """
import sys, time
from kronika.news.models import ArticlePage, SectionPage
from kronika.testing import build_article
section = SectionPage.objects.get(slug=sys.argv[1])
previous = ArticlePage.objects.published().newest_first().first()
article = build_article(section, sys.argv[2])
section.add_child(instance=article)
article.save_revision().publish()
print(time.time(), previous.url)
"""


def publish_to_visible(base: str, env: dict, section_url: str, rounds: int = 5) -> list[float]:
    """Seconds from a publication's commit until home, section and "Next" all show it."""
    seconds = []
    slug = section_url.strip("/").split("/")[-1]
    for number in range(rounds):
        title = f"Bench breaking story {number} {time.time_ns()}"
        for url in (base + "/", base + section_url):
            serving.get(url)
        result = subprocess.run(  # noqa: S603 - our own command
            [
                sys.executable,
                "-c",
                "import django; django.setup(); exec(open(0).read())",
                slug,
                title,
            ],
            input=PUBLISH,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        committed, previous_url = result.stdout.split()[-2:]
        pending = {base + "/", base + section_url, base + previous_url}
        while pending:
            for url in list(pending):
                if title.encode() in serving.get(url)[1]:
                    pending.discard(url)
            if time.time() - float(committed) > 30:
                raise RuntimeError(f"{pending} never showed the published article")
        seconds.append(time.time() - float(committed))
    return seconds


def served(
    args,
    results: Results,
    env: dict,
    data_dir: Path,
    article_url: str,
    section_url: str,
    uncached_urls,
):
    serving.ensure_tools()
    scratch = serving.scratch_dir()
    logs = OUT / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    workers, threads, seconds = args.workers, args.threads, args.seconds
    peaks: list[float] = []
    rates: dict[str, dict] = {}

    port = serving.free_port()
    base = f"http://127.0.0.1:{port}"
    step(f"kronika serve: {workers} workers x {threads} threads")
    with serving.kronika_serve(env, port, workers, threads, logs / "serve.log") as server:
        headers, body = serving.get(base + article_url)
        headers, body = serving.get(base + article_url)
        if headers.get("x-kronika-cache") != "hit":
            raise RuntimeError(f"{article_url} was not answered from the page cache")
        page = scratch / "article.html"
        page.write_bytes(body)
        rates["kronika serve (cached)"] = serving.wrk(base + article_url, seconds)

        step("publish to visible")
        visible = publish_to_visible(base, env, section_url)
        results.figures["publish_to_visible"] = visible

        nginx_port = serving.free_port()
        step("nginx (shipped config) in front of kronika serve")
        with serving.nginx_in_front(
            nginx_port, port, workers, data_dir, scratch / "proxy", article_url
        ):
            front = f"http://127.0.0.1:{nginx_port}"
            serving.get(front + article_url)
            status = serving.get(front + article_url)[0].get("x-cache-status")
            results.show("nginx cache status on a repeated request", str(status))
            rates["nginx proxy_cache → kronika serve"] = serving.wrk(front + article_url, seconds)
        peaks += serving.worker_peaks(server)

    floor_port = serving.free_port()
    step("the Python floor: a minimal WSGI app on the same server")
    with serving.python_floor(page, floor_port, workers, threads, logs / "floor.log"):
        rates["Python floor (minimal WSGI)"] = serving.wrk(
            f"http://127.0.0.1:{floor_port}/", seconds
        )

    static_port = serving.free_port()
    step("the machine floor: nginx serving the bytes as a file")
    with serving.nginx_static(page, static_port, workers, scratch / "static"):
        rates["machine floor (nginx static file)"] = serving.wrk(
            f"http://127.0.0.1:{static_port}/article.html", seconds
        )

    step("kronika serve with the page cache off")
    port = serving.free_port()
    with serving.kronika_serve(
        env, port, workers, threads, logs / "serve-uncached.log", KRONIKA_PAGE_CACHE="false"
    ) as server:
        lua = scratch / "urls.lua"
        lua.write_text(uncached_script(uncached_urls))
        rates["kronika serve (page cache off)"] = serving.wrk(
            f"http://127.0.0.1:{port}", seconds, lua
        )
        peaks += serving.worker_peaks(server)
    shutil.rmtree(scratch, ignore_errors=True)

    results.figures["served"] = rates
    results.figures["peak_rss_mb"] = peaks
    nginx = rates["machine floor (nginx static file)"]["rps"]
    floor = rates["Python floor (minimal WSGI)"]["rps"]
    for name, figures in rates.items():
        results.show(
            f"served: {name}",
            f"{figures['rps']:>9,.0f} req/s  p50 {figures['p50']:.2f} ms"
            f"  p99 {figures['p99']:.2f} ms  ({figures['rps'] / nginx:.0%} of nginx)",
        )
    cached = rates["kronika serve (cached)"]["rps"]
    front = rates["nginx proxy_cache → kronika serve"]["rps"]
    uncached = rates["kronika serve (page cache off)"]["rps"]
    results.goal(
        "cached_vs_python_floor_rps", cached / floor, "ratio", ">= 0.8", cached / floor >= 0.8
    )
    results.goal("cached_vs_nginx_rps", cached / nginx, "ratio", ">= 0.5", cached / nginx >= 0.5)
    results.goal(
        "nginx_proxy_vs_nginx_rps", front / nginx, "ratio", ">= 0.9", front / nginx >= 0.9
    )
    results.goal(
        "uncached_served_vs_nginx_rps",
        uncached / nginx,
        "ratio",
        ">= 0.01",
        uncached / nginx >= 0.01,
    )
    worst = max(visible)
    results.show(
        "publish to visible (home, section, Next)",
        f"median {statistics.median(visible):.2f} s, max {worst:.2f} s",
    )
    results.goal("publish_to_visible_max", worst, "s", "<= 1", worst <= 1)
    peak = max(peaks)
    results.show("peak RSS per server worker", ", ".join(f"{p:.0f} MB" for p in peaks))
    results.goal("peak_rss_per_worker", peak, "MB", "<= 200", peak <= 200)


def uncached_script(urls: list[str]) -> str:
    """A wrk script that walks through many articles, so no two requests render alike."""
    quoted = ", ".join(f'"{url}"' for url in urls)
    return f"""
local urls = {{{quoted}}}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", urls[(i % #urls) + 1])
end
"""


def main() -> int:
    args = parse_args()
    sys.path.insert(0, str(ROOT))
    from kronika.scratch import scratch_database

    data_dir = OUT / "data"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    results = Results()
    started = time.monotonic()
    with scratch_database() as database:
        env = environment(data_dir, database)
        step("Loading the demo paper")
        subprocess.run(
            [sys.executable, "-m", "kronika", "demo", "--no-serve"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        article_url, section_url, uncached_urls = in_process(args, results, env)
        served(args, results, env, data_dir, article_url, section_url, uncached_urls)
    results.show("benchmark run time", f"{(time.monotonic() - started) / 60:.1f} min")
    path = results.write()
    results.print_goals()
    print(f"\nWrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
