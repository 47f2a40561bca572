"""Servers of the tests' own that can be stopped and started at will.

The shared PostgreSQL and Redis of the machine serve the rest of the suite, so
a test that takes its database or cache down starts private ones on free ports.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from kronika.missing_tools import reason, tool
from kronika.testing_over_http import environment_without_settings, fetch, free_port

POSTGRES_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
REDIS_SERVER = shutil.which("redis-server")


def _as_postgres_user() -> list[str]:
    """PostgreSQL refuses to run as root; the machine's `postgres` account runs it then."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.skip(
            reason(tool("runuser, to start PostgreSQL as root", "apt-get install util-linux"))
        )
    return [runuser, "-u", "postgres", "--"]


class PrivatePostgres:
    def __init__(self, directory: Path):
        if not POSTGRES_BIN:
            pytest.skip(reason(tool("PostgreSQL's server programs", "apt-get install postgresql")))
        self.bin = POSTGRES_BIN[-1]
        self.directory = directory
        self.data = directory / "pgdata"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/kronika"
        self.prefix = _as_postgres_user()
        if self.prefix:
            shutil.chown(directory, "postgres")

    def _run(self, *args: str) -> None:
        subprocess.run([*self.prefix, *args], check=True, capture_output=True, timeout=120)

    def create(self) -> "PrivatePostgres":
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust")
        self.start()
        self._run(
            str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U",
            "postgres", "kronika",
        )  # fmt: skip
        return self

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory}"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-l",
            str(self.directory / "postgres.log"), "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    @classmethod
    @contextmanager
    def running(cls):
        with tempfile.TemporaryDirectory(prefix="kronika-pg-") as directory:
            server = cls(Path(directory)).create()
            try:
                yield server
            finally:
                with contextlib.suppress(subprocess.CalledProcessError):
                    server.stop()  # unless the test left it stopped


class PrivateRedis:
    def __init__(self):
        if REDIS_SERVER is None:
            pytest.skip(reason(tool("redis-server", "apt-get install redis-server")))
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--logfile", ""],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                import redis

                redis.Redis.from_url(self.url).ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("the private Redis did not start")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()

    def pause(self) -> None:
        """Freeze it: connections hang instead of being refused, and it keeps its data."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    @classmethod
    @contextmanager
    def running(cls):
        server = cls()
        server.start()
        try:
            yield server
        finally:
            if server.process.poll() is None:
                server.resume()
                server.kill()


def clean_environment(**env: str) -> dict[str, str]:
    """The suite's environment without Kronika's own settings, plus `env`."""
    return {
        **environment_without_settings(),
        "DJANGO_SETTINGS_MODULE": "kronika.settings",
        "KRONIKA_HTTPS": "false",
        **env,
    }


class AppServer:
    """`kronika serve`, by default without a task worker, as one of several app servers runs it."""

    # One small process, as the tests that run several servers on one machine want.
    SMALL = ("--no-worker", "--workers", "1", "--threads", "4")

    def __init__(self, env: dict[str, str], log: Path, args: tuple[str, ...] = SMALL):
        self.env = env
        self.args = args
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = log
        self.process = None

    def start(self, timeout: float = 120) -> "AppServer":
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kronika", "serve", *self.args, "--port", str(self.port)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if fetch(self.base_url + "/healthz")[0] == 200:
                return self
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError(f"kronika serve did not start:\n{self.log()[-3000:]}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    @classmethod
    @contextmanager
    def running(cls, env: dict[str, str], log: Path, args: tuple[str, ...] = SMALL):
        server = cls(env, log, args)
        try:
            yield server.start()
        finally:
            server.stop()
