"""Scratch databases for servers under test and for the benchmark.

Importable before Django is set up, since it is used to choose the settings.
"""

import os
import secrets
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit


@contextmanager
def scratch_database():
    """A database for a server under test: a new PostgreSQL one if DATABASE_URL names
    PostgreSQL (dropped afterwards), or else nothing, and the server uses SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield {}
        return
    import psycopg

    parts = urlsplit(url)
    # Random, not the time: two made within the same second must not collide.
    name = f"kronika_live_{os.getpid()}_{secrets.token_hex(4)}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {"DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}"))}
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
