"""A real paper whose workers the tests start, stop and kill themselves.

`kronika serve --no-worker` in a data directory of its own (SQLite there, or a
scratch PostgreSQL database), a Telegram channel on the fake Bot API, a console
to look inside (console.py), and any number of real `kronika worker` processes.
"""

import itertools
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from kronika.telegram.tests.fake_bot_api import FakeBotApi
from kronika.testing_over_http import environment_without_settings, fetch, free_port

TOKEN = "4242:worker-test-token"
CHAT = "@kronika_workers"


def wait_for(condition, timeout: float, step: float = 0.25, what: str = "the condition"):
    """condition()'s first true value; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not come within {timeout} s")
        time.sleep(step)


def headline(message: dict) -> str:
    return (message.get("caption") or message.get("text", "")).split("</b>")[0].removeprefix("<b>")


def assert_went_live_once(state: dict, before: dict) -> None:
    """The article went live once, posted once, and updated its related list once.

    `before` is its state from before: scheduling queued a related-articles
    update of its own, and going live queues one more.
    """
    assert state["live"] and state["published"] and state["live_revision"], state
    assert not state["scheduled"], state
    assert state["publish_log"] == ["wagtail.publish.scheduled"], state
    assert state["posts"] == ["sent"] and state["sends"] == ["done"], state
    assert state["related_tasks"] == ["SUCCESSFUL"] * (len(before["related_tasks"]) + 1), state
    assert state["related"], state


class Console:
    """One long-lived Python process on the paper's database (see console.py)."""

    def __init__(self, env: dict, log_path: Path):
        with open(log_path, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kronika.worker.tests.console"],
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                start_new_session=True,
            )
        self.replies = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.replies.put(line)
        self.replies.put(None)

    def run(self, code: str, timeout: float = 60):
        """Run `code` in the console; the value it left in `result`."""
        self.process.stdin.write(json.dumps(code) + "\n")
        self.process.stdin.flush()
        line = self.replies.get(timeout=timeout)
        if line is None:
            raise RuntimeError("the console stopped")
        reply = json.loads(line)
        if "error" in reply:
            raise AssertionError(f"in the paper's console:\n{reply['error']}")
        return reply["result"]

    def stop(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


class Process:
    """A process of the paper's, in a process group of its own, logging to a file."""

    def __init__(self, args: list[str], env: dict, log_path: Path):
        self.log_path = log_path
        with open(log_path, "w") as log:
            self.popen = subprocess.Popen(
                [sys.executable, "-m", *args],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for_output(self, text: str, timeout: float = 60) -> None:
        def shown():
            if self.popen.poll() is not None and text not in self.output():
                raise AssertionError(f"exited before showing {text!r}:\n{self.output()[-3000:]}")
            return text in self.output()

        wait_for(shown, timeout, what=repr(text))

    def wait_for_halt(self, point: str, timeout: float = 60) -> int:
        """Wait until a pausing worker halts at `point`; the article it halted in."""
        self.wait_for_output(f"halted at {point} in article ", timeout)
        return int(re.search(rf"halted at {re.escape(point)} in article (\d+)", self.output())[1])

    def kill(self) -> None:
        """SIGKILL, as the kernel or `kill -9` would: no clean-up of any kind."""
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait()

    def signal(self, signum: int) -> None:
        os.kill(self.popen.pid, signum)

    def wait(self, timeout: float) -> int:
        return self.popen.wait(timeout=timeout)


class Paper:
    def __init__(self, data_dir: Path, **env: str):
        self.data_dir = Path(data_dir)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.telegram = FakeBotApi(tokens=[TOKEN], port=free_port())
        self.env = environment_without_settings()
        self.env.update(
            DJANGO_SETTINGS_MODULE="kronika.settings",
            KRONIKA_DATA_DIR=str(self.data_dir),
            KRONIKA_HTTPS="false",
            KRONIKA_LOG_FORMAT="plain",
            KRONIKA_TELEGRAM_BOT_TOKEN=TOKEN,
            KRONIKA_TELEGRAM_CHAT_ID=CHAT,
            KRONIKA_TELEGRAM_API_BASE=self.telegram.base_url,
            KRONIKA_TELEGRAM_POSTS_PER_MINUTE="1000",
            # A channel's lease lasts this plus 15 s: what a killed drain holds it for.
            KRONIKA_TELEGRAM_TIMEOUT="1",
            KRONIKA_WORKER_HEARTBEAT_SECONDS="1",
            KRONIKA_WORKER_TIMEOUT_SECONDS="3",
            **env,
        )
        self.server = None
        self.console = None
        self.processes = []
        self.numbers = itertools.count(1)

    @classmethod
    @contextmanager
    def running(cls, data_dir: Path, **env: str):
        paper = cls(data_dir, **env)
        try:
            paper.start()
            yield paper
        finally:
            paper.stop()

    def start(self) -> None:
        self.telegram.start()
        self.server = Process(
            ["kronika", "serve", "--no-worker", "--port", str(self.port), "--workers", "1"],
            self.env,
            self.data_dir / "serve.log",
        )
        wait_for(self._serving, timeout=240, step=0.5, what="the paper")
        self.console = Console(self.env, self.data_dir / "console.log")
        self.run("paper.set_up_paper()")

    def _serving(self) -> bool:
        if self.server.popen.poll() is not None:
            raise RuntimeError("kronika serve stopped:\n" + self.server.output()[-3000:])
        return fetch(self.base_url + "/")[0] == 200

    def stop(self) -> None:
        self.stop_processes()
        if self.console is not None:
            self.console.stop()
        if self.server is not None:
            self.server.kill()
        self.telegram.stop()

    def run(self, code: str, timeout: float = 60):
        return self.console.run(code, timeout)

    def start_worker(self, *args: str, halt_at: str | None = None) -> Process:
        """A real `kronika worker`, or one that halts at a point (see pausing_worker.py)."""
        command = ["kronika", "worker", "--no-startup-delay", *args]
        if halt_at:
            command = ["kronika.worker.tests.pausing_worker", halt_at, "--no-startup-delay", *args]
        return self._start(command, "worker")

    def start_shell(self, code: str) -> Process:
        """`kronika shell -c code`, to be killed in the middle."""
        return self._start(["kronika", "shell", "--no-imports", "-c", code], "shell")

    def _start(self, command: list[str], kind: str) -> Process:
        log_path = self.data_dir / f"{kind}-{next(self.numbers)}.log"
        process = Process(command, self.env, log_path)
        self.processes.append(process)
        return process

    def stop_processes(self) -> None:
        """Kill every worker and shell a test started."""
        for process in self.processes:
            process.kill()
        self.processes.clear()

    def wait_until_settled(self, ids: list[int], before: dict, timeout: float) -> list[dict]:
        """The articles' states once each is live and nothing of its publication is pending.

        `before` holds their states (by title) from before they went live.
        """

        unsettled = []

        def states():
            found = self.run(f"result = paper.articles({ids})")
            unsettled[:] = [state for state in found if not settled(state)]
            return None if unsettled else found

        def settled(state):
            updates = len(before[state["title"]]["related_tasks"]) + 1
            return (
                state["live"]
                and state["sends"]
                and not {"pending", "in_flight"} & set(state["sends"])
                # Read before the sends: a send finished between the reads leaves it queued.
                and "queued" not in state["posts"]
                and len(state["related_tasks"]) >= updates
                and not {"READY", "RUNNING"} & set(state["related_tasks"])
            )

        try:
            return wait_for(states, timeout, what="every publication settled")
        except AssertionError as error:
            raise AssertionError(f"{error}; still unsettled: {unsettled}") from None

    def posted(self, prefix: str) -> list[str]:
        """Headlines starting with `prefix` in the channel, in the order they were posted."""
        return [
            headline(message)
            for message in list(self.telegram.messages.values())
            if headline(message).startswith(prefix)
        ]

    def send_calls(self, prefix: str) -> list[str]:
        """Every send call made for headlines starting with `prefix`, answered or not."""
        return [
            headline(params)
            for params in self.telegram.sent()
            if headline(params).startswith(prefix)
        ]
