"""The Python floor: the fastest a WSGI app can answer on the same server and workers.

It returns the bytes of a cached article page (the file named by
KRONIKA_BENCH_BODY) with the headers the page cache sent them with (a JSON
list of name and value pairs, in the file named by KRONIKA_BENCH_HEADERS), and
does nothing else. Both send the same bytes, so the ratio between them is what
Kronika's own code costs a hit. (For issue 22, a floor that sent 5 of the
page's 13 headers served 12 % more requests a second than one sending all 13:
that cost is the server's, not Kronika's code.)
"""

import json
import os
from pathlib import Path

BODY = Path(os.environ["KRONIKA_BENCH_BODY"]).read_bytes()
HEADERS = [
    (name, value)
    for name, value in json.loads(Path(os.environ["KRONIKA_BENCH_HEADERS"]).read_text())
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
