"""Many wrong passwords at the same moment, against `kronika serve` over HTTP.

Two server processes with eight request threads each, the production password
hasher, and the database the suite runs on (SQLite, or a scratch PostgreSQL
database when DATABASE_URL names one). However the attempts interleave, exactly
the limit of them reach a password, the count is exact, and the lock is logged once.
"""

import json
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest

from kronika.scratch import scratch_database
from kronika.testing_over_http import (
    environment_without_settings,
    fetch,
    free_port,
    kronika_output,
)

ACCOUNT_LIMIT = 5
CLIENT_LIMIT = 8
ATTEMPTS = 24
PASSWORD = "a long and correct password for the concurrency test"

CREATE_EDITOR = f"""
from django.contrib.auth.models import Group, User
editor = User.objects.create_user("editor", "editor@example.org", {PASSWORD!r}, is_staff=True)
editor.groups.add(Group.objects.get(name="Editors"))
"""
FAILURES = """
import json
from axes.models import AccessAttempt
from django.db.models import Sum
def total(**which):
    attempts = AccessAttempt.objects.filter(**which)
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
account, client = total(username="editor"), total(ip_address="203.0.113.99")
print(json.dumps({"account": account, "client": client}))
"""


class Server:
    """`kronika serve` with two processes of eight threads, and its log."""

    def __init__(self, env: dict, log_path: Path):
        self.env = env
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        with open(log_path, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kronika", "serve", "--no-worker", "--workers", "2",
                 "--threads", "8", "--port", str(self.port)],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + 120
        while fetch(self.base_url + "/healthz")[0] != 200:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("kronika serve did not start:\n" + self.log()[-3000:])
            time.sleep(0.2)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def events(self) -> list[dict]:
        lines = []
        for line in self.log().splitlines():
            if line.startswith("{") and '"kronika.accounts"' in line:
                lines.append(json.loads(line))
        return lines

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def server():
    with scratch_database() as database, tempfile.TemporaryDirectory() as data_dir:
        env = {
            **environment_without_settings(),
            "DJANGO_SETTINGS_MODULE": "kronika.settings",
            "KRONIKA_DATA_DIR": data_dir,
            "KRONIKA_HTTPS": "false",
            "KRONIKA_LOG_FORMAT": "json",
            "KRONIKA_LOGIN_FAILURE_LIMIT": str(ACCOUNT_LIMIT),
            "KRONIKA_LOGIN_CLIENT_FAILURE_LIMIT": str(CLIENT_LIMIT),
            # One proxy in front: each simulated client is the address it appends.
            "KRONIKA_TRUSTED_PROXIES": "1",
            **database,
        }
        kronika_output(env, "migrate", "--no-input")
        kronika_output(env, "shell", "--no-imports", "-c", CREATE_EDITOR)
        server = Server(env, Path(data_dir) / "serve.log")
        try:
            yield server
        finally:
            server.stop()


def sign_in_at_once(server, attempts: list[tuple[str, str]]) -> list[int]:
    """Post every (username, client address) sign-in at the same moment; their statuses."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    with opener.open(server.base_url + "/admin/login/", timeout=30) as response:
        form = response.read().decode()
        cookie = response.headers["Set-Cookie"].split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    start = threading.Barrier(len(attempts))

    def attempt(username_and_address):
        username, address = username_and_address
        data = {"csrfmiddlewaretoken": token, "username": username, "password": "wrong-" * 3}
        request = urllib.request.Request(  # noqa: S310 - loopback only
            server.base_url + "/admin/login/",
            data=urlencode(data).encode(),
            headers={"Cookie": cookie, "X-Forwarded-For": address},
        )
        start.wait()
        return fetch(server.base_url, timeout=120, request=request)[0]

    with ThreadPoolExecutor(max_workers=len(attempts)) as pool:
        return list(pool.map(attempt, attempts))


def failures(server) -> dict:
    return json.loads(kronika_output(server.env, "shell", "--no-imports", "-c", FAILURES))


def events_for(server, **which) -> Counter:
    return Counter(
        line["event"]
        for line in server.events()
        if all(line.get(key) == value for key, value in which.items())
    )


def test_an_account_attacked_from_many_addresses_at_once_locks_after_exactly_the_limit(server):
    addresses = [f"198.51.100.{n + 1}" for n in range(ATTEMPTS)]
    statuses = sign_in_at_once(server, [("editor", address) for address in addresses])
    # The attempts before the limit are told the password was wrong; the one that
    # reaches it, and every later one, get the lockout page.
    assert Counter(statuses) == {200: ACCOUNT_LIMIT - 1, 429: ATTEMPTS - ACCOUNT_LIMIT + 1}
    assert failures(server)["account"] == ACCOUNT_LIMIT
    assert events_for(server, username="editor") == {
        "login_failed": ACCOUNT_LIMIT,
        "lockout": 1,
        "login_refused": ATTEMPTS - ACCOUNT_LIMIT,
    }


def test_a_client_trying_many_accounts_at_once_locks_after_exactly_the_limit(server):
    address = "203.0.113.99"
    statuses = sign_in_at_once(server, [(f"guess-{n}", address) for n in range(ATTEMPTS)])
    assert Counter(statuses) == {200: CLIENT_LIMIT - 1, 429: ATTEMPTS - CLIENT_LIMIT + 1}
    assert failures(server)["client"] == CLIENT_LIMIT
    assert events_for(server, client=address) == {
        "login_failed": CLIENT_LIMIT,
        "lockout": 1,
        "login_refused": ATTEMPTS - CLIENT_LIMIT,
    }
