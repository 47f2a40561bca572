"""PostgreSQL: pg_dump from an exported snapshot, and a restore in a single transaction."""

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.db import connection, transaction
from django.db.backends.postgresql.client import DatabaseClient

from kronika.backups.archive import CHUNK
from kronika.backups.errors import BackupError, CorruptArchive

# Keys of the manifest's row counts: schema.table, each part as quote_ident writes it.
TABLES = """
    SELECT format('%I.%I', schemaname, tablename) FROM pg_catalog.pg_tables
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1
"""
# A restore puts table names from the manifest into SQL, so they must look like what
# TABLES makes and nothing else (no dollar sign: the checks run inside $kronika$ quotes).
_PART = r'(?:[a-z_][a-z0-9_]*|"(?:[^"$]|"")+")'
TABLE_NAME = re.compile(rf"{_PART}\.{_PART}")

# Everything the dump will recreate is dropped first, in the restore's transaction, so a
# table that exists only in the target (say, from a newer migration) does not survive.
PRELUDE = r"""
SET lock_timeout = '60s';
DO $kronika$
DECLARE relation record;
BEGIN
    FOR relation IN
        SELECT format('%I.%I', n.nspname, c.relname) AS name,
               CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                              WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                              ELSE 'TABLE' END AS kind
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\_%'
          -- Not a part of an extension, nor a sequence or partition that goes with its table.
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_class'::regclass
                            AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
    LOOP
        EXECUTE format('DROP %s IF EXISTS %s CASCADE', relation.kind, relation.name);
    END LOOP;
END
$kronika$;
"""


def _literal(text: str) -> str:
    return "'{}'".format(text.replace("'", "''"))


def _verification(tables: dict[str, int]) -> str:
    """SQL run last in the restore's transaction: any difference from the manifest undoes it."""
    checks = [
        "SELECT count(*) INTO found FROM pg_catalog.pg_tables "
        "WHERE schemaname NOT IN ('pg_catalog', 'information_schema');",
        f"IF found <> {len(tables)} THEN RAISE EXCEPTION "
        f"'the database dump holds % tables, its manifest lists {len(tables)}', found; END IF;",
    ]
    for name, count in sorted(tables.items()):
        checks.append(f"SELECT count(*) INTO found FROM {name};")  # noqa: S608 - checked by TABLE_NAME
        checks.append(
            f"IF found <> {count} THEN RAISE EXCEPTION "
            f"'in the database dump, % holds % rows, its manifest says {count}', "
            f"{_literal(name)}, found; END IF;"
        )
    body = "\n    ".join(checks)
    return f"DO $kronika$\nDECLARE found bigint;\nBEGIN\n    {body}\nEND\n$kronika$;\n"


def _client(program: str, *parameters: str) -> tuple[list[str], dict[str, str]]:
    """`program` with the site's connection settings, the password in the environment."""
    args, env = DatabaseClient.settings_to_cmd_args_env(connection.settings_dict, list(parameters))
    return [program, *args[1:]], {**os.environ, **(env or {})}


def _error(stderr: str) -> str:
    """The line of a PostgreSQL tool's output that says what went wrong."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if "ERROR:" in line:
            return line.split("ERROR:", 1)[1].strip()
        if "error:" in line:
            return line.split("error:", 1)[1].strip()
    return lines[-1] if lines else "no reason given"


def _run(args: list[str], env: dict[str, str] | None = None) -> None:
    try:
        result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - PostgreSQL's own tools
    except FileNotFoundError:
        raise BackupError(
            f"{args[0]} is not installed (it comes with PostgreSQL's client tools)"
        ) from None
    if result.returncode:
        raise BackupError(f"{args[0]} failed: {_error(result.stderr)}")


def _counts(cursor) -> dict[str, int]:
    cursor.execute(TABLES)
    counts = {}
    for (name,) in cursor.fetchall():
        cursor.execute(f"SELECT count(*) FROM {name}")  # noqa: S608 - quoted by format('%I')
        counts[name] = cursor.fetchone()[0]
    return counts


def snapshot(destination: Path) -> dict[str, int]:
    """pg_dump the database to `destination`; the row counts of the very same snapshot."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot_id,) = cursor.fetchone()
        counts = _counts(cursor)
        # The snapshot stays importable while this transaction is open.
        _run(
            *_client(
                "pg_dump",
                "--format=custom",
                "--no-password",
                f"--snapshot={snapshot_id}",
                f"--file={destination}",
            )
        )
    check(destination, counts)
    return counts


def check(dump: Path, tables: dict[str, int] | None = None) -> None:
    """Raise CorruptArchive unless pg_restore can read `dump` and the table names are sound."""
    for name in tables or {}:
        if not TABLE_NAME.fullmatch(name):
            raise CorruptArchive(f"its manifest names a table {name!r}")
    try:
        _run(["pg_restore", "--list", str(dump)])
    except BackupError as error:
        raise CorruptArchive(f"the database dump cannot be read: {error}") from None


def tables_with_rows() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(TABLES)
        names = [name for (name,) in cursor.fetchall()]
        found = []
        for name in names:
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {name})")  # noqa: S608 - quoted by format('%I')
            if cursor.fetchone()[0]:
                found.append(name)
        return found


def row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        return _counts(cursor)


def restore(dump: Path, tables: dict[str, int], workdir: Path) -> None:
    """Replace the database's tables with the dump's, all in one transaction.

    pg_restore turns the dump into SQL and psql runs it between the prelude and the
    row-count checks, inside one transaction. psql only reaches its COMMIT after the
    end of its input, which it is given only once pg_restore has finished well: if
    anything fails, psql is stopped first and PostgreSQL rolls everything back.
    """
    connection.close()
    prelude, verification = workdir / "prelude.sql", workdir / "verification.sql"
    prelude.write_text(PRELUDE)
    verification.write_text(_verification(tables))
    psql, env = _client(
        "psql",
        "--no-psqlrc",
        "--quiet",
        "--no-password",
        "--single-transaction",
        "--set=ON_ERROR_STOP=1",
        f"--file={prelude}",
        "--file=-",
        f"--file={verification}",
    )
    env["PGOPTIONS"] = f"{env.get('PGOPTIONS', '')} -c client_min_messages=warning".strip()
    producer_args = ["pg_restore", "--no-owner", "--no-privileges", "--clean", "--if-exists"]
    with tempfile.TemporaryFile() as producer_errors, tempfile.TemporaryFile() as psql_errors:
        try:
            producer = subprocess.Popen(  # noqa: S603 - PostgreSQL's own tools
                [*producer_args, "--file=-", str(dump)],
                stdout=subprocess.PIPE,
                stderr=producer_errors,
            )
        except FileNotFoundError:
            raise BackupError("pg_restore is not installed") from None
        try:
            consumer = subprocess.Popen(  # noqa: S603 - PostgreSQL's own tools
                psql, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=psql_errors
            )
        except FileNotFoundError:
            producer.kill()
            producer.wait()
            raise BackupError("psql is not installed") from None
        failed = _relay(producer, consumer)
        if failed == "psql":
            psql_errors.seek(0)
            raise BackupError(f"PostgreSQL refused it: {_error(psql_errors.read().decode())}")
        if failed == "pg_restore":
            producer_errors.seek(0)
            raise BackupError(f"pg_restore failed: {_error(producer_errors.read().decode())}")


def _relay(producer: subprocess.Popen, consumer: subprocess.Popen) -> str | None:
    """Pass pg_restore's SQL to psql, ending psql's input only if pg_restore succeeded.

    Returns which of the two failed, if either.
    """
    try:
        shutil.copyfileobj(producer.stdout, consumer.stdin, CHUNK)
    except BrokenPipeError:
        pass  # psql stopped at an error, which its output says
    finally:
        producer.stdout.close()
    if producer.wait() and consumer.poll() is None:
        consumer.kill()
        consumer.wait()
        return "pg_restore"
    # psql may already have stopped at an error.
    with contextlib.suppress(BrokenPipeError):
        consumer.stdin.close()
    return "psql" if consumer.wait() else None
