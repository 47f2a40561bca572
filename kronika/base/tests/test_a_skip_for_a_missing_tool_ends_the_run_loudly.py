"""A test skipped for want of a program is named in the run's last line, with the
command that brings it; a skip for any other reason is not. With CI=true such a
skip fails the run, and `make test`'s three runs end with one line for all.
"""

import os
import subprocess
import sys

TESTS = """
import pytest
from kronika.missing_tools import reason, tool

def test_in_a_browser():
    pytest.skip(reason(tool("Chromium at /nowhere", "apt-get install chromium")))

def test_on_postgresql():
    pytest.skip("the chunked search is PostgreSQL's")

def test_that_runs():
    pass
"""
CHROMIUM = "Chromium at /nowhere — apt-get install chromium"


def environment(**env: str) -> dict[str, str]:
    quiet = {key: value for key, value in os.environ.items() if key != "CI"}
    quiet.pop("KRONIKA_MISSING_TOOLS_LOG", None)
    return {**quiet, **env}


def run_pytest(folder, **env: str) -> subprocess.CompletedProcess:
    (folder / "test_tools.py").write_text(TESTS)
    (folder / "pytest.ini").write_text("[pytest]\n")  # not the project's settings
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "kronika.missing_tools", "-p", "no:django",
         "-p", "no:cacheprovider", "test_tools.py"],
        cwd=folder, env=environment(**env), capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip


def report(log) -> subprocess.CompletedProcess:
    """What `make test` prints last, from the runs logged in `log`."""
    return subprocess.run(
        [sys.executable, "-m", "kronika.missing_tools", str(log)],
        env=environment(), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_the_last_line_names_what_is_missing_and_how_to_get_it(tmp_path):
    result = run_pytest(tmp_path)
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith(f"!!! NOT RUN: 1 test (missing: {CHROMIUM})"), result.stdout
    assert "PostgreSQL" not in last
    assert result.returncode == 0


def test_in_ci_a_test_skipped_for_a_missing_tool_fails_the_run(tmp_path):
    assert run_pytest(tmp_path, CI="true").returncode == 1


def test_several_runs_end_with_one_line_for_all(tmp_path):
    log = tmp_path / "missing-tools.log"
    for _ in range(2):
        run_pytest(tmp_path, KRONIKA_MISSING_TOOLS_LOG=str(log))
    result = report(log)
    assert result.stdout.startswith(f"!!! NOT RUN: 2 tests (missing: {CHROMIUM})"), result.stdout
    assert result.returncode == 0


def test_a_run_without_a_missing_tool_says_so(tmp_path):
    assert report(tmp_path / "no.log").stdout == "No test was skipped for a missing tool.\n"
