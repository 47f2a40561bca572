"""What a log collector gets from a running Kronika: JSON lines, and never a secret."""

import json
import tempfile

import pytest

from kronika.testing_over_http import run_kronika

TOKEN = "7311894402:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
SECRET_KEY = "a-long-and-secret-key-for-this-test-only-7f3a9c2e1b"
LOGGING_CODE = f"""
import logging
log = logging.getLogger("kronika.telegram")
log.warning("POST https://api.telegram.org/bot{TOKEN}/sendPhoto gave 401")
log.error("token %s refused", "{TOKEN}")
log.warning("connecting to postgres://kronika:hunter2-pass@db.internal/kronika")
log.warning("signing with %s", "{SECRET_KEY}")
try:
    raise ConnectionError("https://api.telegram.org/bot{TOKEN}/getMe")
except ConnectionError:
    log.exception("The Bot API failed")
"""


@pytest.fixture(scope="module")
def data_dir():
    with tempfile.TemporaryDirectory() as directory:
        yield directory


def log_of(data_dir: str, **env: str) -> str:
    result = run_kronika(
        "shell",
        "--no-imports",
        "-c",
        LOGGING_CODE,
        KRONIKA_DATA_DIR=data_dir,
        KRONIKA_SECRET_KEY=SECRET_KEY,
        KRONIKA_TELEGRAM_BOT_TOKEN=TOKEN,
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_each_line_is_a_json_object_with_time_level_logger_and_message(data_dir):
    lines = [json.loads(line) for line in log_of(data_dir).splitlines()]
    assert len(lines) == 5
    for line in lines:
        assert {"time", "level", "logger", "message", "process"} <= line.keys()
        assert line["logger"] == "kronika.telegram"
    assert lines[4]["level"] == "ERROR" and "Traceback" in lines[4]["exc_info"]


@pytest.mark.parametrize("log_format", ["json", "plain"])
def test_tokens_passwords_and_the_secret_key_are_redacted(data_dir, log_format):
    log = log_of(data_dir, KRONIKA_LOG_FORMAT=log_format)
    for secret in (TOKEN, TOKEN.partition(":")[2], "hunter2-pass", SECRET_KEY):
        assert secret not in log
    assert log.count("[redacted]") >= 5
    assert "api.telegram.org/bot[redacted]/sendPhoto" in log
    assert "postgres://kronika:[redacted]@db.internal" in log


def test_an_unknown_log_format_is_refused_in_one_line(data_dir):
    result = run_kronika("check", KRONIKA_DATA_DIR=data_dir, KRONIKA_LOG_FORMAT="xml")
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "KRONIKA_LOG_FORMAT must be one of json, plain" in result.stderr
