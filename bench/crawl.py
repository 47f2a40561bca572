"""The crawl: many distinct article URLs, each fetched once, as a search engine reads an archive.

wrk runs for a duration and repeats its URLs, so the crawl has a client of
its own: `concurrency` threads, each with one keep-alive http.client
connection, taking the next URL from a shared list until none is left. Each
request looks like a crawler's: a crawler's User-Agent, `Accept-Encoding:
gzip`, and no cookies, so the page cache may answer it.

Any answer but a 200 is an error; errors are counted by status (or by the
exception's name, when the connection failed), with a few example URLs, and
the crawl goes on with a fresh connection.

The client is Python, so its own ceiling is measured too, by crawling the
same URLs from nginx serving one static file (`ceiling`): the crawl's
figures stand only while the ceiling is well above them.
"""

import http.client
import threading
import time
from collections import Counter

from bench.results import summary

CRAWLER_AGENT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
HEADERS = {"User-Agent": CRAWLER_AGENT, "Accept-Encoding": "gzip", "Accept": "text/html"}
EXAMPLES = 3
# Below this many times the crawl's rate, the client may be what limits it.
HEADROOM = 3


class _Tally:
    """What the threads found, under one lock."""

    def __init__(self, paths: list[str]):
        self.lock = threading.Lock()
        self.pending = iter(paths)
        self.times: list[float] = []
        self.errors: Counter = Counter()
        self.examples: dict[str, list[str]] = {}
        self.bytes = 0
        self.gzipped = 0

    def next_path(self) -> str | None:
        with self.lock:
            return next(self.pending, None)

    def record(self, path: str, ms: float, status: int | str, size: int, encoding: str) -> None:
        with self.lock:
            self.times.append(ms)
            self.bytes += size
            self.gzipped += encoding == "gzip"
            if status != 200:
                self.errors[str(status)] += 1
                examples = self.examples.setdefault(str(status), [])
                if len(examples) < EXAMPLES:
                    examples.append(path)


def _crawler(host: str, port: int, tally: _Tally, timeout: float) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    while (path := tally.next_path()) is not None:
        start = time.perf_counter()
        try:
            connection.request("GET", path, headers=HEADERS)
            response = connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
            tally.record(path, (time.perf_counter() - start) * 1000, type(error).__name__, 0, "")
            continue
        elapsed = (time.perf_counter() - start) * 1000
        encoding = response.getheader("Content-Encoding", "")
        tally.record(path, elapsed, response.status, len(body), encoding)
    connection.close()


def crawl(
    host: str, port: int, paths: list[str], concurrency: int = 8, timeout: float = 30
) -> dict:
    """Fetch every path once; rps, latency percentiles in ms, bytes, and errors by status."""
    tally = _Tally(paths)
    threads = [
        threading.Thread(target=_crawler, args=(host, port, tally, timeout), daemon=True)
        for _ in range(concurrency)
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    requests = len(tally.times)
    return {
        **summary(tally.times or [0.0], 50, 99),
        "requests": requests,
        "seconds": round(seconds, 2),
        "rps": round(requests / seconds, 1),
        "mean_kb": round(tally.bytes / max(1, requests) / 1024, 1),
        "gzipped": tally.gzipped,
        "errors": sum(tally.errors.values()),
        "errors_by_status": dict(tally.errors),
        "examples": tally.examples,
    }


def regressions(figures: dict) -> list[str]:
    """One line per kind of error the crawl met, for Results.regression."""
    return [
        f"crawl error: {count:,} of {figures['requests']:,} answers were {status}"
        f" (e.g. {', '.join(figures['examples'][status])})"
        for status, count in figures["errors_by_status"].items()
    ]
