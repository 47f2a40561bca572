"""The served part of `make bench`: the paper over loopback, against the floors of this machine.

In order: `kronika serve` with the page cache on is crawled (distinct cold
articles, as a search engine reads them), then loaded with wrk on one cached
article, plain and compressed; publish-to-visible is timed through it; nginx
with the shipped config is put in front of it. Then the same article's bytes
(plain, then as compressed) come from a minimal WSGI app on the same granian
workers (the Python floor) and from nginx as a static file (the machine
floor, which also gives the crawl client's own ceiling). Last, `kronika
serve` with the page cache off is loaded with wrk over many articles. Every
server worker's peak RSS is taken before its server stops.
"""

import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench import crawl, serving
from bench.results import Results, step

# What a browser asks for; the page cache answers the same article compressed.
COMPRESSED = {"Accept-Encoding": "gzip, br"}
CRAWL_CONCURRENCY = 8


@dataclass
class Urls:
    """Paths of the paper that the served part requests."""

    article: str  # cached, loaded with wrk, and the floors' bytes
    section: str  # where publish-to-visible publishes
    uncached: list[str]  # cycled through with the page cache off
    crawl: list[str]  # each fetched once, by the crawl


# In the first language's section (each language has its own), after the
# newest article in that language: the one whose "Next" should show the new one.
PUBLISH = """
import sys, time
from django.conf import settings
from kronika.news.models import ArticlePage, SectionPage
from kronika.testing import build_article
section = SectionPage.objects.get(slug=sys.argv[1], locale__language_code=settings.LANGUAGE_CODE)
previous_url = ArticlePage.objects.published().in_language_of(section).newest_first().first().url
article = build_article(section, sys.argv[2])
section.add_child(instance=article)
article.save_revision().publish()
print("published", time.time(), previous_url, flush=True)
"""


PUBLISHER = "import sys, django; django.setup(); exec(sys.stdin.read())"


def publish_to_visible(base: str, env: dict, section_url: str, rounds: int = 5) -> list[float]:
    """Seconds from a publication's commit until home, section and "Next" all show it."""
    seconds = []
    slug = section_url.strip("/").split("/")[-1]
    for number in range(rounds):
        title = f"Bench breaking story {number} {time.time_ns()}"
        for url in (base + "/", base + section_url):
            serving.get(url)
        committed, previous_url, publisher = _published(env, slug, title)
        pending = {base + "/", base + section_url, base + previous_url}
        while pending:
            for url in list(pending):
                if title.encode() in serving.get(url)[1]:
                    pending.discard(url)
            if time.time() - committed > 30:
                raise RuntimeError(f"{pending} never showed the published article")
        seconds.append(time.time() - committed)
        publisher.wait()
    return seconds


def _published(env: dict, slug: str, title: str) -> tuple[float, str, subprocess.Popen]:
    """Publish an article in a process of its own; when it committed, and the article before it.

    The time is read as soon as the process prints it, right after the
    commit: waiting for the process to end would count its exit, and the
    previous article's address is found before publishing, since finding it
    loads the URLconf (seconds, where bytecode is not cached).
    """
    publisher = subprocess.Popen(  # noqa: S603 - our own command
        [sys.executable, "-c", PUBLISHER, slug, title],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    publisher.stdin.write(PUBLISH)
    publisher.stdin.close()
    lines = []
    for line in publisher.stdout:
        lines.append(line)
        if line.startswith("published "):
            committed, previous_url = line.split()[1:]
            return float(committed), previous_url, publisher
    publisher.wait()
    raise RuntimeError(f"publishing failed: {''.join(lines)[-2000:]}")


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


def _cached(results: Results, url: str, headers: dict | None = None) -> tuple[dict, bytes]:
    """The article as the page cache answers it the second time; a miss is a regression."""
    serving.get(url, headers)
    answer, body = serving.get(url, headers)
    if answer.get("x-kronika-cache") != "hit":
        results.regression(f"{url} with {headers or 'no headers'} was not a page cache hit")
    return answer, body


def served(args, results: Results, env: dict, data_dir: Path, urls: Urls) -> None:
    serving.ensure_tools()
    scratch = serving.scratch_dir()
    logs = serving.OUT / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    workers, threads, seconds = args.workers, args.threads, args.seconds
    peaks: list[float] = []
    rates: dict[str, dict] = {}

    port = serving.free_port()
    base = f"http://127.0.0.1:{port}"
    step(f"kronika serve: {workers} workers x {threads} threads")
    with serving.kronika_serve(env, port, workers, threads, logs / "serve.log") as server:
        step(f"the crawl: {len(urls.crawl):,} cold articles, {CRAWL_CONCURRENCY} at a time")
        crawled = crawl.crawl("127.0.0.1", port, urls.crawl, CRAWL_CONCURRENCY)
        sent_plain = _cached(results, base + urls.article)
        plain = scratch / "article.html"
        plain.write_bytes(sent_plain[1])
        rates["kronika serve (cached)"] = serving.wrk(base + urls.article, seconds)
        sent_compressed = _cached(results, base + urls.article, COMPRESSED)
        rates["kronika serve (cached, compressed)"] = serving.wrk(
            base + urls.article, seconds, headers=COMPRESSED
        )

        step("publish to visible")
        visible = publish_to_visible(base, env, urls.section)
        results.figures["publish_to_visible"] = visible

        nginx_port = serving.free_port()
        step("nginx (shipped config) in front of kronika serve")
        with serving.nginx_in_front(
            nginx_port, port, workers, data_dir, scratch / "proxy", urls.article
        ):
            front = f"http://127.0.0.1:{nginx_port}"
            serving.get(front + urls.article)
            status = serving.get(front + urls.article)[0].get("x-cache-status")
            results.show("nginx cache status on a repeated request", str(status))
            rates["nginx proxy_cache → kronika serve"] = serving.wrk(front + urls.article, seconds)
        peaks += serving.worker_peaks(server)

    step("the Python floor: a minimal WSGI app on the same server, sending the same answers")
    for name, sent, headers in (
        ("Python floor (minimal WSGI)", sent_plain, None),
        ("Python floor (compressed bytes)", sent_compressed, COMPRESSED),
    ):
        floor_port = serving.free_port()
        folder = scratch / f"floor-{floor_port}"
        with serving.python_floor(sent, folder, floor_port, workers, threads, logs / "floor.log"):
            rates[name] = serving.wrk(f"http://127.0.0.1:{floor_port}/", seconds, headers=headers)

    static_port = serving.free_port()
    step("the machine floor: nginx serving the bytes as a file; the crawl client's ceiling")
    with serving.nginx_static(plain, static_port, workers, scratch / "static"):
        rates["machine floor (nginx static file)"] = serving.wrk(
            f"http://127.0.0.1:{static_port}/article.html", seconds
        )
        ceiling = crawl.crawl("127.0.0.1", static_port, urls.crawl, CRAWL_CONCURRENCY)

    step("kronika serve with the page cache off")
    port = serving.free_port()
    with serving.kronika_serve(
        env, port, workers, threads, logs / "serve-uncached.log", KRONIKA_PAGE_CACHE="false"
    ) as server:
        lua = scratch / "urls.lua"
        lua.write_text(uncached_script(urls.uncached))
        rates["kronika serve (page cache off)"] = serving.wrk(
            f"http://127.0.0.1:{port}", seconds, lua
        )
        peaks += serving.worker_peaks(server)
    shutil.rmtree(scratch, ignore_errors=True)

    results.figures.update(served=rates, peak_rss_mb=peaks, crawl=crawled, crawl_ceiling=ceiling)
    _report_rates(results, rates)
    _report_crawl(results, crawled, ceiling)
    answer, body = sent_compressed
    encoding = answer.get("content-encoding", "none")
    results.show("cached article as sent compressed", f"{len(body):,} bytes, {encoding}")
    results.at_most("article_html_compressed_kb", len(body) / 1024, "KB", 20)
    worst = max(visible)
    results.show(
        "publish to visible (home, section, Next)",
        f"median {statistics.median(visible):.2f} s, max {worst:.2f} s",
    )
    results.at_most("publish_to_visible_max", worst, "s", 1)
    results.show("peak RSS per server worker", ", ".join(f"{p:.0f} MB" for p in peaks))
    results.at_most("peak_rss_per_worker", max(peaks), "MB", 200)


def _report_rates(results: Results, rates: dict) -> None:
    nginx = rates["machine floor (nginx static file)"]["rps"]
    for name, figures in rates.items():
        results.show(
            f"served: {name}",
            f"{figures['rps']:>9,.0f} req/s  p50 {figures['p50']:.2f} ms"
            f"  p99 {figures['p99']:.2f} ms  ({figures['rps'] / nginx:.0%} of nginx)",
        )
        if figures["non_2xx"]:
            results.regression(f"served: {name} answered {figures['non_2xx']:,} non-2xx under wrk")
        if figures["socket_errors"]:
            results.show("  wrk socket errors", "; ".join(figures["socket_errors"]))
    cached = rates["kronika serve (cached)"]["rps"]
    floor = rates["Python floor (minimal WSGI)"]["rps"]
    compressed = rates["kronika serve (cached, compressed)"]["rps"]
    compressed_floor = rates["Python floor (compressed bytes)"]["rps"]
    front = rates["nginx proxy_cache → kronika serve"]["rps"]
    uncached = rates["kronika serve (page cache off)"]["rps"]
    results.at_least("cached_vs_python_floor_rps", cached / floor, "ratio", 0.8)
    results.at_least(
        "cached_compressed_vs_python_floor_rps", compressed / compressed_floor, "ratio", 0.8
    )
    results.at_least("cached_vs_nginx_rps", cached / nginx, "ratio", 0.5)
    results.at_least("nginx_proxy_vs_nginx_rps", front / nginx, "ratio", 0.9)
    results.at_least("uncached_served_vs_nginx_rps", uncached / nginx, "ratio", 0.01)
    results.at_least("uncached_served_rps", uncached, "req/s", 300)


def _report_crawl(results: Results, crawled: dict, ceiling: dict) -> None:
    results.show(
        "crawl: cold articles through kronika serve",
        f"{crawled['requests']:,} in {crawled['seconds']:.0f} s, {crawled['rps']:,.0f} req/s"
        f"  p50 {crawled['p50']:.1f} ms  p99 {crawled['p99']:.1f} ms"
        f"  {crawled['mean_kb']:.0f} KB each, {crawled['gzipped']:,} gzipped",
    )
    results.show(
        "crawl client's ceiling (same URLs, nginx static)",
        f"{ceiling['rps']:,.0f} req/s  p99 {ceiling['p99']:.1f} ms",
    )
    if ceiling["rps"] < crawl.HEADROOM * max(crawled["rps"], 250):
        results.show(
            "  WARNING", "the crawl client may be limiting the crawl: its ceiling is too close"
        )
    for message in crawl.regressions(crawled):
        results.regression(message)
    results.at_most("crawl_p99", crawled["p99"], "ms", 100)
    results.at_least("crawl_rps", crawled["rps"], "req/s", 250)
    results.at_most("crawl_errors", crawled["errors"], "answers", 0)
