"""Kronika over HTTP in tests: free ports, requests on loopback, the `kronika`
command run as a user runs it, and `kronika demo` in a process of its own."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 10, request=None) -> tuple[int, str]:
    """GET a URL on loopback (or send `request`): its status (0 when nothing answers) and text."""
    try:
        with urllib.request.urlopen(request or url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def fetch_showing(url: str, text: str, within: float = 1.0) -> str:
    """The page at `url` as soon as it shows `text`, or as it is after `within` seconds.

    A change made through one server process reaches the pages another process
    holds in memory within a second (see kronika.pagecache), not at once.
    """
    deadline = time.monotonic() + within
    while True:
        page = fetch(url)[1]
        if text in page or time.monotonic() > deadline:
            return page
        time.sleep(0.05)


def run_kronika(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run the `kronika` command as a user would, with extra environment variables."""
    return subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "kronika", *args],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "kronika.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def environment_without_settings() -> dict[str, str]:
    """The suite's environment minus Kronika's settings, for a process with settings of its own."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("KRONIKA_", "DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }


def kronika_output(env: dict[str, str], *args: str, timeout: float = 120) -> str:
    """The output of a `kronika` command run in exactly `env`; fails the test if it fails."""
    result = subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "kronika", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode:
        raise AssertionError(f"kronika {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


class DemoServer:
    """`kronika demo` running in its own data directory and process group, as a user runs it."""

    def __init__(
        self, data_dir: Path, startup_timeout: float = 180, args: tuple[str, ...] = (), **env: str
    ):
        self.data_dir = Path(data_dir)
        self.args = args
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = environment_without_settings()
        self.env.update(KRONIKA_DATA_DIR=str(self.data_dir), KRONIKA_WEB_WORKERS="2", **env)
        self.log_path = self.data_dir / "demo.log"
        self.startup_timeout = startup_timeout
        self.process = None
        self.startup_seconds = None

    def start(self) -> "DemoServer":
        started = time.monotonic()
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own command
                [sys.executable, "-m", "kronika", "demo", "--port", str(self.port), *self.args],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        while time.monotonic() - started < self.startup_timeout:
            if fetch(self.base_url + "/")[0] == 200 or self.process.poll() is not None:
                break
            time.sleep(0.5)
        self.startup_seconds = time.monotonic() - started
        return self

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def credentials(self) -> dict[str, str]:
        return json.loads((self.data_dir / "demo-credentials.json").read_text())

    def kronika(self, *args: str, timeout: float = 120) -> str:
        """Run another `kronika` command against the same data directory."""
        return kronika_output(self.env, *args, timeout=timeout)

    def start_worker(self) -> subprocess.Popen:
        """A `kronika worker` of the demo's own, for a demo started with --no-worker."""
        log = open(self.data_dir / "worker.log", "a")  # noqa: SIM115 - the worker keeps it
        return subprocess.Popen(
            [sys.executable, "-m", "kronika", "worker", "--no-startup-delay"],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def shell(self, code: str) -> str:
        """Run Python code in `kronika shell` against the server's database."""
        return self.kronika("shell", "--no-imports", "-c", code).strip()

    @classmethod
    @contextmanager
    def running(cls, data_dir: Path, args: tuple[str, ...] = (), **env: str):
        """Start the demo, fail loudly if it does not serve, and always stop it."""
        server = cls(data_dir, args=args, **env).start()
        try:
            if fetch(server.base_url + "/")[0] != 200:
                raise RuntimeError("the demo paper did not start:\n" + server.output()[-3000:])
            yield server
        finally:
            server.stop()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def post_over_http(url: str, data: dict, headers: dict | None = None, timeout: float = 30):
    """POST a form to a server on loopback: its status (0 when nothing answers) and text."""
    request = urllib.request.Request(  # noqa: S310 - loopback only
        url,
        data=urlencode(data).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", **(headers or {})},
        method="POST",
    )
    return fetch(url, timeout, request)
