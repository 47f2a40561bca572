"""Tests skipped because this machine lacks a program, and the loud line that says so.

A test that cannot run without a program (Chromium, nginx, PostgreSQL's server...)
skips with a reason made by `reason()`, naming the program and the command that
brings it. As a pytest plugin (`-p kronika.missing_tools` in pyproject.toml),
this module counts those skips and ends the run with one line that names them,
so that a run which passed with its browser gate skipped does not pass for a
whole one; in CI (CI=true) such a skip fails the run. Skips for any other reason
(a PostgreSQL-only test on SQLite, a feature left out) are not counted.

`make test` runs pytest three times: each run adds its counts to the file named
by KRONIKA_MISSING_TOOLS_LOG, and `python -m kronika.missing_tools FILE` prints
the line for all of them, as the last line of the whole run.
"""

import os
import sys
from collections import Counter
from pathlib import Path

import pytest

PREFIX = "missing tool: "
# Debian's packages; .ci/install_test_tools installs the same ones.
INSTALL_ALL = "`make test-tools` installs them all (apt-get as root, npm)"


def reason(*missing: str) -> str:
    """A skip's reason for the programs missing, each as "what — command that brings it"."""
    return PREFIX + "; ".join(missing)


def tool(what: str, command: str) -> str:
    return f"{what} — {command}"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def line(counts: Counter) -> str:
    """The run's last line: what did not run, for want of what."""
    if not counts:
        return "No test was skipped for a missing tool."
    parts = [
        f"{number} test{'s' if number != 1 else ''} (missing: {what})"
        for what, number in counts.most_common()
    ]
    return f"NOT RUN: {', '.join(parts)}. {INSTALL_ALL}."


def skipped_for_missing_tools(reports) -> Counter:
    counts = Counter()
    for report in reports:
        # A skip's longrepr is (file, line, "Skipped: <reason>").
        if isinstance(report.longrepr, tuple) and len(report.longrepr) == 3:
            text = report.longrepr[2].removeprefix("Skipped: ")
            if text.startswith(PREFIX):
                counts[text.removeprefix(PREFIX)] += 1
    return counts


def read_log(path: Path) -> Counter:
    counts = Counter()
    if path.exists():
        for entry in path.read_text().splitlines():
            number, _, what = entry.partition("\t")
            counts[what] += int(number)
    return counts


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_sessionfinish(session):
    # Outside the terminal reporter's own wrapper, so the line comes after its
    # "N passed, M skipped" line. Under pytest-xdist only the controller, which
    # receives every worker's reports, has a terminal reporter.
    result = yield
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None or hasattr(session.config, "workerinput"):
        return result
    counts = skipped_for_missing_tools(reporter.stats.get("skipped", []))
    log = os.environ.get("KRONIKA_MISSING_TOOLS_LOG")
    if log and counts:
        Path(log).parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a") as file:
            file.writelines(f"{number}\t{what}\n" for what, number in counts.items())
    if counts:
        reporter.write_line("!!! " + line(counts), red=True, bold=True)
        if in_ci() and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
    return result


def main(log: str) -> int:
    """Print the line for every run logged in `log`; in CI, fail if anything did not run."""
    counts = read_log(Path(log))
    print(("!!! " if counts else "") + line(counts))
    return 1 if counts and in_ci() else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
