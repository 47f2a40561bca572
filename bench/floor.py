"""The Python floor: the fastest a WSGI app can answer on the same server and workers.

It returns the bytes of a cached article page (the file named by
KRONIKA_BENCH_BODY) with the same headers, and does nothing else. When those
bytes are compressed, KRONIKA_BENCH_ENCODING names their Content-Encoding.
"""

import os
from pathlib import Path

BODY = Path(os.environ["KRONIKA_BENCH_BODY"]).read_bytes()
HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(BODY))),
    ("Cache-Control", "public, max-age=0, s-maxage=1"),
]
if os.environ.get("KRONIKA_BENCH_ENCODING"):
    HEADERS += [
        ("Content-Encoding", os.environ["KRONIKA_BENCH_ENCODING"]),
        ("Vary", "Accept-Encoding"),
    ]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]


def serve(port: int, workers: int, threads: int) -> None:
    """Run granian exactly as `kronika serve` does, minus static files."""
    from granian.constants import Interfaces
    from granian.server import Server

    Server(
        "bench.floor:application",
        address="127.0.0.1",
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        blocking_threads=threads,
        log_access=False,
    ).serve()


if __name__ == "__main__":
    import sys

    serve(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
