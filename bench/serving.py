"""Served throughput on loopback: `kronika serve`, the Python floor, nginx, and nginx in front.

Every target is loaded by the same wrk command, so the ratios compare servers,
not load generators. wrk and nginx come from Debian's packages and are
installed when missing.
"""

import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
SHIPPED_NGINX = ROOT / "deploy" / "nginx.conf"
WRK_THREADS = 1
WRK_CONNECTIONS = 50
WRK_TIMEOUT = "30s"
SERVER_HEADERS = ("connection", "date", "server")


def ensure_tools() -> None:
    missing = [name for name in ("wrk", "nginx") if not shutil.which(name)]
    missing = [name for name in missing if not Path(f"/usr/sbin/{name}").exists()]
    if not missing:
        return
    print(f"Installing {' '.join(missing)} from Debian's packages…", flush=True)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-qq", *missing]
    if subprocess.run(install, env=environment, capture_output=True).returncode:  # noqa: S603
        subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True)  # noqa: S607
        subprocess.run(install, env=environment, check=True, capture_output=True)  # noqa: S603


def nginx_binary() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def get(url: str, headers: dict | None = None) -> tuple[dict, bytes]:
    """Headers (names in lower case) and body, as sent (never decompressed), of a GET."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


@contextmanager
def process(command: list[str], env: dict, url: str, log: Path):
    """A server in its own process group, stopped with everything it started."""
    with open(log, "w") as output:
        server = subprocess.Popen(  # noqa: S603 - our own commands
            command, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_until_serving(url)
        yield server
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def kronika_serve(env: dict, port: int, workers: int, threads: int, log: Path, **extra):
    command = [sys.executable, "-m", "kronika", "serve", "--port", str(port)]
    command += ["--workers", str(workers), "--threads", str(threads), "--no-worker"]
    return process(command, {**env, **extra}, f"http://127.0.0.1:{port}/healthz", log)


def python_floor(
    sent: tuple[dict, bytes], folder: Path, port: int, workers: int, threads: int, log: Path
):
    """The floor (bench/floor.py) answering with `sent`, the headers and body of a response."""
    headers, body = sent
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "body").write_bytes(body)
    # The server adds its own of these, to the floor's answers as to Kronika's
    # (urllib asks for "Connection: close", wrk keeps its connections open).
    own = [(name, value) for name, value in headers.items() if name not in SERVER_HEADERS]
    (folder / "headers.json").write_text(json.dumps(own))
    command = [sys.executable, "-m", "bench.floor", str(port), str(workers), str(threads)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env["KRONIKA_BENCH_BODY"] = str(folder / "body")
    env["KRONIKA_BENCH_HEADERS"] = str(folder / "headers.json")
    return process(command, env, f"http://127.0.0.1:{port}/", log)


def nginx_main(prefix: Path, workers: int, server_block: str) -> Path:
    (prefix / "logs").mkdir(parents=True, exist_ok=True)
    config = prefix / "nginx.conf"
    # Started as root, nginx would run its workers as nobody, who cannot use
    # this run's private directories.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    config.write_text(
        f"""
daemon off;
{user}worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
{server_block}
}}
"""
    )
    return config


def nginx_static(body: Path, port: int, workers: int, prefix: Path):
    """The machine floor: nginx sending the same bytes from a file, whatever the path."""
    root = prefix / "root"
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(body, root / "article.html")
    block = f"""
    server {{
        listen 127.0.0.1:{port};
        location / {{ root {root}; default_type text/html; try_files /article.html =404; }}
    }}"""
    config = nginx_main(prefix, workers, block)
    command = [nginx_binary(), "-p", str(prefix), "-c", str(config)]
    return process(
        command, dict(os.environ), f"http://127.0.0.1:{port}/article.html", prefix / "out.log"
    )


def shipped_nginx_block(
    port: int, upstream_ports: list[int], data_dir: Path, cache_dir: Path
) -> str:
    """deploy/nginx.conf as shipped, pointed at this run's ports and directories."""
    text = SHIPPED_NGINX.read_text()
    upstreams, count = re.subn(r"(?m)^    server 127\.0\.0\.1:800\d [^;]*;\n", "", text)
    if count < 1:
        raise RuntimeError("deploy/nginx.conf no longer lists app servers on 127.0.0.1:800x")
    servers = "".join(
        f"    server 127.0.0.1:{upstream} max_fails=3 fail_timeout=10s;\n"
        for upstream in upstream_ports
    )
    text = upstreams.replace("    keepalive 64;", servers + "    keepalive 64;")
    replacements = {
        "listen 80;": f"listen 127.0.0.1:{port};",
        "/var/cache/nginx/kronika": str(cache_dir),
        "/var/lib/kronika/": f"{data_dir}/",
    }
    for shipped, local in replacements.items():
        if shipped not in text:
            raise RuntimeError(f"deploy/nginx.conf no longer contains {shipped!r}")
        text = text.replace(shipped, local)
    return text


def nginx_in_front(
    port: int, upstream_port: int, workers: int, data_dir: Path, prefix: Path, url_path: str
):
    block = shipped_nginx_block(port, [upstream_port], data_dir, prefix / "cache")
    config = nginx_main(prefix, workers, block)
    command = [nginx_binary(), "-p", str(prefix), "-c", str(config)]
    return process(
        command, dict(os.environ), f"http://127.0.0.1:{port}{url_path}", prefix / "out.log"
    )


_LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
_NON_2XX = re.compile(r"Non-2xx or 3xx responses: (\d+)")
_SOCKET_ERRORS = re.compile(r"Socket errors: (.*)")
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, seconds: int, script: Path | None = None, headers: dict | None = None) -> dict:
    """Requests per second, p50/p99 latency in milliseconds and errors, after a warm-up.

    Error answers are counted, not raised: the caller reports them and the
    run goes on.

    The warm-up lets every server process take its share of connections and
    fill its memory first, so short runs measure the steady state.
    """
    options = [
        f"-t{WRK_THREADS}",
        f"-c{WRK_CONNECTIONS}",
        # wrk drops an answer slower than 2 s as a timeout: uncached pages queued
        # behind 50 connections on a busy machine all were, and the rate read 0.
        f"--timeout={WRK_TIMEOUT}",
        *(["-s", str(script)] if script else []),
    ]
    for name, value in (headers or {}).items():
        options += ["-H", f"{name}: {value}"]
    subprocess.run(["wrk", *options, "-d2s", url], capture_output=True, check=True)  # noqa: S603, S607
    command = ["wrk", *options, f"-d{seconds}s", "--latency", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    latency = {f"p{p}": float(v) * _UNITS[u] for p, v, u in _LATENCY.findall(output)}
    failed = sum(int(count) for count in _NON_2XX.findall(output))
    figures = {"rps": float(_RATE.search(output).group(1)), "p50": 0.0, "p99": 0.0, **latency}
    return {**figures, "non_2xx": failed, "socket_errors": _SOCKET_ERRORS.findall(output)}


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def peak_rss_mb(pid: int) -> float:
    """The high-water mark of resident memory of one process (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker_peaks(server: subprocess.Popen) -> list[float]:
    """Peak RSS of each process under the server (granian's workers and their parent)."""
    pids, seen = [server.pid], []
    while pids:
        pid = pids.pop()
        seen.append(pid)
        pids.extend(children(pid))
    return [peak_rss_mb(pid) for pid in seen[1:] if Path(f"/proc/{pid}").exists()]


def scratch_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="kronika-bench-"))
