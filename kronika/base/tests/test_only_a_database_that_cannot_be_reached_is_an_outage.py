"""Real driver errors, as Django raises them, sorted into outages and one query's failures.

The 503 path itself is tested with a real server stopping under a real app
server (test_a_database_outage_serves_cached_pages_and_a_503_then_recovers).
"""

import socket
import sqlite3
import tempfile
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest
from django.db.utils import DatabaseErrorWrapper

from kronika.base.outage import is_outage
from kronika.testing_over_http import free_port


def raised(action, driver=sqlite3) -> Exception:
    """The error Django raises for what `action` does with `driver`."""
    wrapper = SimpleNamespace(Database=driver, errors_occurred=False)
    try:
        with DatabaseErrorWrapper(wrapper):
            action()
    except Exception as error:
        return error
    raise AssertionError("nothing was raised")


def sqlite_file(directory: str) -> sqlite3.Connection:
    database = sqlite3.connect(Path(directory) / "paper.sqlite3", timeout=0)
    database.execute("CREATE TABLE IF NOT EXISTS t (x)")
    database.commit()
    return database


def test_sqlite_that_cannot_open_its_file_or_is_locked_is_an_outage():
    with tempfile.TemporaryDirectory() as directory:
        missing = Path(directory) / "gone" / "paper.sqlite3"
        assert is_outage(raised(lambda: sqlite3.connect(missing).execute("SELECT 1")))
        holder, reader = sqlite_file(directory), sqlite_file(directory)
        holder.execute("BEGIN EXCLUSIVE")
        locked = raised(lambda: reader.execute("SELECT * FROM t"))
        assert "database is locked" in str(locked)
        assert is_outage(locked)
        holder.rollback()


def test_sqlite_interrupted_full_or_past_a_limit_is_not_an_outage():
    with tempfile.TemporaryDirectory() as directory:
        database = sqlite_file(directory)
        database.set_progress_handler(lambda: 1, 1)
        interrupted = raised(lambda: database.execute("SELECT 1"))
        database.set_progress_handler(None, 1)
        database.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 1)
        too_many = raised(lambda: database.execute("SELECT ?, ?", (1, 2)))
        pages = database.execute("PRAGMA page_count").fetchone()[0]
        database.execute(f"PRAGMA max_page_count = {pages}")
        full = raised(lambda: database.execute("INSERT INTO t VALUES (zeroblob(100000))"))
    for error, words in (
        (interrupted, "interrupted"),
        (too_many, "too many SQL variables"),
        (full, "full"),
    ):
        assert words in str(error)
        assert not is_outage(error), error


def test_postgresql_refusing_the_connection_is_an_outage():
    with socket.socket() as closed:
        port = free_port()
        closed.close()
    refused = raised(lambda: psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/x"), psycopg)
    assert is_outage(refused)


def test_postgresql_statement_timeout_is_not_an_outage():
    try:
        server = psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True)
    except psycopg.OperationalError:
        pytest.skip("no PostgreSQL on 127.0.0.1:5432")
    with server:
        server.execute("SET statement_timeout = 10")
        timed_out = raised(lambda: server.execute("SELECT pg_sleep(1)"), psycopg)
        assert isinstance(timed_out.__cause__, psycopg.errors.QueryCanceled)
        assert not is_outage(timed_out)
        server.execute("SET statement_timeout = 0")
        server.execute("SET max_stack_depth = '100kB'")
        deep = "SELECT " + "(" * 20000 + "1" + ")" * 20000
        too_complex = raised(lambda: server.execute(deep), psycopg)
        assert not is_outage(too_complex), too_complex
