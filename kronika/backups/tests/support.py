"""Sites the backup tests back up and restore into, run as a user runs them.

A site is a data directory and, on PostgreSQL runs, a database of its own. The
tests read a site's database and media directly (sqlite3, psycopg, the disk), so
what they see does not depend on the code under test.
"""

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from kronika.backups.manifest import seal, unseal
from kronika.scratch import scratch_database
from kronika.testing_over_http import environment_without_settings


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@contextmanager
def empty_database():
    """A new empty PostgreSQL database's URL on PostgreSQL runs (dropped afterwards), else None."""
    with scratch_database() as database:
        yield database.get("DATABASE_URL")


@dataclass
class Contents:
    """Everything a site keeps: every row of every table, the media and the secret key."""

    rows: dict[str, list[tuple]]
    media: dict[str, str]  # name in the storage: SHA-256
    secret_key: bytes | None


class Site:
    def __init__(self, data_dir: Path, database_url: str | None, **settings: str):
        self.data_dir = Path(data_dir)
        self.database_url = database_url
        self.settings = settings
        self.media_dir = self.data_dir / "media"

    @property
    def env(self) -> dict[str, str]:
        """The environment of `kronika` commands for this site alone: no shared Redis
        (a restore clears the caches), and the secret key generated in the data directory."""
        env = environment_without_settings()
        env.update(
            KRONIKA_DATA_DIR=str(self.data_dir),
            DJANGO_SETTINGS_MODULE="kronika.settings",
        )
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        env.update(self.settings)
        return env

    def kronika(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "kronika", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def call(self, function: str, *args, timeout: float = 120) -> str:
        """Call a function of kronika.backups.tests.paper inside `kronika shell`; its output."""
        code = f"from kronika.backups.tests import paper; paper.{function}(*{args!r})"
        result = self.kronika("shell", "--no-imports", "-c", code, timeout=timeout)
        if result.returncode:
            raise AssertionError(f"paper.{function} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def start(self, function: str, *args, log: Path) -> subprocess.Popen:
        """Like call, in the background, writing its output to `log`."""
        code = f"from kronika.backups.tests import paper; paper.{function}(*{args!r})"
        with open(log, "w") as output:
            return subprocess.Popen(
                [sys.executable, "-m", "kronika", "shell", "--no-imports", "-c", code],
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def table(self, name: str) -> str:
        """A table's name as the manifest and `rows` know it."""
        return f"public.{name}" if self.database_url else name

    @contextmanager
    def _database(self):
        if self.database_url:
            import psycopg

            with psycopg.connect(self.database_url, autocommit=True) as connection:
                yield connection
        else:
            path = self.data_dir / "kronika.sqlite3"
            with closing(sqlite3.connect(path, timeout=30, isolation_level=None)) as connection:
                yield connection

    def execute(self, sql: str) -> list[tuple]:
        with self._database() as database:
            cursor = database.execute(sql)
            return cursor.fetchall() if cursor.description else []

    def tables(self) -> list[str]:
        if self.database_url:
            query = (
                "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables "
                "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
            )
        else:
            query = (
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        return sorted(name for (name,) in self.execute(query))

    def row_counts(self) -> dict[str, int]:
        return {
            name: self.execute(f"SELECT count(*) FROM {name}")[0][0]  # noqa: S608 - our own tables
            for name in self.tables()
        }

    def contents(self) -> Contents:
        rows = {
            name: sorted(self.execute(f"SELECT * FROM {name}"), key=repr)  # noqa: S608 - our own tables
            for name in self.tables()
        }
        key_file = self.data_dir / "secret_key"
        key = key_file.read_bytes() if key_file.exists() else None
        return Contents(rows, media_checksums(self.media_dir), key)


def media_checksums(directory: Path) -> dict[str, str]:
    """SHA-256 of every file under `directory` but hidden ones (uploads being written)."""
    return {
        path.relative_to(directory).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }


@dataclass
class Archive:
    """A backup of the source paper, and what the paper held when it was taken."""

    path: Path
    contents: Contents


def manifest_of(path: Path) -> dict:
    with tarfile.open(path) as archive:
        return json.loads(archive.extractfile("manifest.json").read())


def sound_manifest(path: Path, workdir: Path) -> dict:
    """The manifest of the archive at `path`, having checked every member against it and
    the database dump with PRAGMA integrity_check or pg_restore --list."""
    with tarfile.open(path) as archive:
        found = {
            info.name: hashlib.sha256(archive.extractfile(info).read()).hexdigest()
            for info in archive
        }
        manifest = json.loads(archive.extractfile("manifest.json").read())
        dump = workdir / Path(manifest["database"]["member"]).name
        dump.write_bytes(archive.extractfile(manifest["database"]["member"]).read())
    found.pop("manifest.json")
    listed = {name: entry["sha256"] for name, entry in manifest["members"].items()}
    assert found == listed, f"{path.name}: its members do not match its manifest"
    if manifest["database"]["vendor"] == "sqlite":
        with closing(sqlite3.connect(dump)) as database:
            verdict = database.execute("PRAGMA integrity_check").fetchall()
        assert verdict == [("ok",)], f"{path.name}: {verdict}"
    else:
        listing = subprocess.run(
            ["pg_restore", "--list", str(dump)],  # noqa: S607 - PostgreSQL's own tool, from PATH
            capture_output=True,
            text=True,
            check=False,
        )
        assert listing.returncode == 0, f"{path.name}: {listing.stderr}"
    dump.unlink()
    return manifest


def rewrite(source: Path, destination: Path, *, drop=(), rename=None, change=None) -> None:
    """Copy an archive, leaving out members, renaming some, and changing the manifest with
    `change(manifest)`, then sealing it again as Kronika would."""
    rename = rename or {}
    with tarfile.open(source) as original, tarfile.open(destination, "w") as copy:
        for info in original:
            if info.name in drop:
                continue
            data = original.extractfile(info).read()
            if info.name == "manifest.json":
                manifest = unseal(data)
                manifest["members"] = {
                    rename.get(name, name): entry for name, entry in manifest["members"].items()
                }
                if change:
                    change(manifest)
                data = seal(manifest)
            info.name = rename.get(info.name, info.name)
            info.size = len(data)
            copy.addfile(info, io.BytesIO(data))


def member_span(path: Path, name: str) -> tuple[int, int]:
    """Where a member's bytes start in the archive file, and how many there are."""
    with tarfile.open(path) as archive:
        info = archive.getmember(name)
        return info.offset_data, info.size


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """The single line a failed command wrote on stderr."""
    assert result.returncode != 0, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]
