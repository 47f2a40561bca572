"""Loopback servers and fake DNS for the outbound fetching guard's tests.

Everything here runs on loopback, which the guard rightly refuses. So the tests
stand a second server on 127.0.0.2 in for a public host, and let the guard's
policy accept exactly that address and port; 127.0.0.1, where the canary
listens, stays forbidden. Both listen on the same port number, so that a guard
that resolved a name again and connected to the new answer would reach the canary.
Only DNS is faked: the real resolver cannot be told what to answer.
"""

import errno
import ipaddress
import json
import socket
import ssl
import subprocess
import threading
import time
from contextlib import ExitStack, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from unittest import mock
from urllib.parse import parse_qs, urlsplit

from kronika.security.fetching import public_addresses_only

PUBLIC_STAND_IN = "127.0.0.2"
CANARY = "127.0.0.1"


class Handler(BaseHTTPRequestHandler):
    """What the stand-in answers, by path; the canary answers the same if ever reached."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.requests.append((self.path, dict(self.headers)))
        parts = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        route = getattr(self, "route_" + parts.path.strip("/").replace("-", "_"), None)
        if route is None:
            self.answer(404, b"not here")
        else:
            route(query)

    def answer(self, status, body=b"", content_type="text/plain", **headers):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def route_ok(self, query):
        self.answer(200, self.server.page)

    def route_redirect(self, query):
        self.answer(302, Location=query["to"])

    def route_loop(self, query):
        self.answer(302, Location="/loop")

    def route_oembed(self, query):
        oembed = {
            "type": "video",
            "title": "A video elsewhere",
            "provider_name": "Stand-in",
            "html": '<iframe src="https://video.example/embed/1"></iframe>',
        }
        self.answer(200, json.dumps(oembed).encode(), "application/json")

    def route_big(self, query):
        """`size` bytes, declared or (with undeclared=1) only sent, closing at the end."""
        size = int(query["size"])
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if query.get("undeclared"):
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        self.stream(b"x" * size)

    def route_drip(self, query):
        """A body sent a byte at a time, each well within any socket timeout."""
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.stream(b"x" * 1000, chunk=1, pause=0.05)

    def route_drip_headers(self, query):
        """Headers sent a line at a time, forever."""
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for number in range(10_000):
            if not self.stream(f"X-Slow-{number}: 1\r\n".encode(), pause=0.05):
                return

    def stream(self, data, chunk=65536, pause=0.0):
        """Send `data`; False once the client has gone away."""
        try:
            for start in range(0, len(data), chunk):
                self.wfile.write(data[start : start + chunk])
                self.wfile.flush()
                if pause:
                    time.sleep(pause)
        except OSError:
            return False
        return True


class RecordingServer(ThreadingHTTPServer):
    """An HTTP server counting every connection made to it, not only every request."""

    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, address: str, port: int, page: bytes):
        self.page = page
        self.connections = 0
        self.requests: list[tuple[str, dict]] = []
        super().__init__((address, port), Handler)

    def verify_request(self, request, client_address):
        self.connections += 1
        return True

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str = "/ok", host: str | None = None, scheme: str = "http") -> str:
        return f"{scheme}://{host or self.server_address[0]}:{self.port}{path}"


@contextmanager
def running(server: RecordingServer):
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def stand_in_and_canary(tls: ssl.SSLContext | None = None):
    """The public stand-in on 127.0.0.2 and the canary on 127.0.0.1, on one port number."""
    for _attempt in range(20):
        stand_in = RecordingServer(PUBLIC_STAND_IN, 0, b"the public page")
        try:
            canary = RecordingServer(CANARY, stand_in.port, b"the canary")
        except OSError as error:
            stand_in.server_close()
            if error.errno != errno.EADDRINUSE:
                raise
            continue
        break
    else:
        raise RuntimeError("no port number free on both 127.0.0.1 and 127.0.0.2")
    if tls is not None:
        stand_in.socket = tls.wrap_socket(stand_in.socket, server_side=True)
    with ExitStack() as stack:
        stack.enter_context(running(stand_in))
        stack.enter_context(running(canary))
        yield stand_in, canary


def stand_in_policy(stand_in: RecordingServer):
    """The guard's policy, except that the stand-in's address and port count as public."""
    allowed = (ipaddress.ip_address(PUBLIC_STAND_IN), stand_in.port)

    def refuse(address, port):
        return None if (address, port) == allowed else public_addresses_only(address, port)

    return refuse


@contextmanager
def fake_dns(answers: dict[str, list[str | list[str]]]):
    """The system resolver, answering for the given names from their lists in turn.

    Each lookup of a name takes the next answer from its list, the last one
    staying; an answer is one address or a list of them. Every other name goes
    to the real resolver. Both the guard and any code that connects by name
    (socket.create_connection) see these answers.
    """
    real = socket.getaddrinfo
    remaining = {name.lower(): list(addresses) for name, addresses in answers.items()}
    lookups: dict[str, int] = dict.fromkeys(remaining, 0)

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
        name = (host.decode() if isinstance(host, bytes) else str(host)).lower().rstrip(".")
        if name not in remaining:
            return real(host, port, family, type, proto, flags)
        lookups[name] += 1
        queue = remaining[name]
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        return [
            info
            for address in ([answer] if isinstance(answer, str) else answer)
            for info in real(address, port, family, type, proto, flags | socket.AI_NUMERICHOST)
        ]

    with mock.patch("socket.getaddrinfo", getaddrinfo):
        yield lookups


def self_signed_tls(directory: Path, name: str) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A server context with a certificate for `name`, and a client context trusting it."""
    key, certificate = directory / "key.pem", directory / "certificate.pem"
    subprocess.run(
        [  # noqa: S607 - openssl from the system
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={name}",
            "-addext",
            f"subjectAltName=DNS:{name}",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(certificate, key)
    client = ssl.create_default_context(cafile=str(certificate))
    return server, client
