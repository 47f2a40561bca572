import ctypes
import multiprocessing
import os
import socket
import subprocess
import sys
from contextlib import contextmanager

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kronika.env import env_str


def port_number(value: str) -> int:
    port = int(value)
    if not 0 < port < 65536:
        raise ValueError(value)
    return port


def positive_number(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def ensure_port_free(host: str, port: int) -> None:
    """Refuse a port that is taken.

    Granian binds with SO_REUSEPORT, so a second server on a busy port would
    start and silently share its traffic with whatever is already there.
    """
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError as error:
            raise CommandError(f"Cannot serve on {host}:{port}: {error.strerror}.") from None


def request_threads(cpus: int) -> int:
    """Request threads per server process when neither --threads nor KRONIKA_WEB_THREADS says.

    A process runs Python on one core at a time (the GIL); its threads earn their
    keep while others wait on the database, which a page does for a good part of
    its time, so a few per process keep the core busy. Granian warns above twice
    the cores plus one (2 * cpus + 1), the count at which it reckons threads only
    queue for the interpreter, so that is the most there are: 3 on one core, 5 on
    two. Beyond 8 a thread adds a database connection (one per thread; servers x
    processes x threads must stay under the database's limit) but no throughput.
    """
    return min(2 * cpus + 1, 8)


# mallopt's parameter for the most malloc arenas a process may have (glibc's malloc.h).
M_ARENA_MAX = -8
ARENAS = 2


def fewer_malloc_arenas() -> None:
    """Let the server's threads share two malloc arenas, unless MALLOC_ARENA_MAX says otherwise.

    glibc gives each new thread an arena of its own, up to eight per core. A
    request thread's arena keeps the memory its renders freed for that thread
    alone, so each thread adds its own high-water mark to the worker's. With
    two, a worker at 5 threads peaked about 6 MB lower through a crawl of
    10,000 cold articles, at the same speed (issue 22). Called before the
    server processes are forked, it holds in each of them. Where the C
    library has no mallopt (not glibc), nothing changes.
    """
    if "MALLOC_ARENA_MAX" in os.environ:
        return
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    if mallopt is not None:
        mallopt(M_ARENA_MAX, ARENAS)


# Any fixed number will do, as long as nothing else on the database uses it.
MIGRATION_LOCK = 0x6B726F6E  # "kron"


# How long the task worker may take to stop on a signal it had too (stop_worker).
WORKER_GRACE = 5


def stop_worker(worker: subprocess.Popen) -> None:
    """Stop the task worker once, letting it finish its task.

    Ctrl-C in a terminal, and systemd's default stop, signal the whole process
    group, the worker included: a second signal from here would make it drop
    the task it is running ("Received Terminated again"). So it gets a moment
    to stop on its own first, and only then is asked, once, and after that killed.
    """
    try:
        worker.wait(timeout=WORKER_GRACE)
        return
    except subprocess.TimeoutExpired:
        worker.terminate()
    try:
        worker.wait(timeout=15)
    except subprocess.TimeoutExpired:
        worker.kill()


@contextmanager
def migration_lock():
    """Let one of several app servers starting together migrate, and the others wait.

    On PostgreSQL a session advisory lock; SQLite's IMMEDIATE transactions
    already serialise its writers.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])


class Command(BaseCommand):
    help = "Serve the paper in KRONIKA_DATA_DIR with a production server and the task worker."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=env_str("KRONIKA_HOST", "127.0.0.1"))
        # String defaults go through `type` too, so a bad PORT is refused like a bad --port.
        parser.add_argument("--port", type=port_number, default=os.environ.get("PORT", "8000"))
        parser.add_argument(
            "--workers",
            type=positive_number,
            default=os.environ.get("KRONIKA_WEB_WORKERS", str(multiprocessing.cpu_count())),
            help="Web server processes (default: one per CPU).",
        )
        parser.add_argument(
            "--threads",
            type=positive_number,
            # Granian counts the cores as multiprocessing does, so the default is
            # measured against the same number it warns by.
            default=os.environ.get(
                "KRONIKA_WEB_THREADS", str(request_threads(multiprocessing.cpu_count()))
            ),
            help="Request threads per process (default: twice the CPUs plus one, at "
            "most 8). Each may hold a database connection, so workers times threads "
            "must stay under the database's limit.",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start a task worker; run `kronika worker` separately.",
        )

    def execute(self, *args, **options):
        # Checked before anything else runs, for `kronika demo` too: debug pages
        # show settings, SQL and source code to anyone who makes a request fail.
        if settings.DEBUG:
            raise CommandError(
                "KRONIKA_DEBUG is on; `kronika serve` refuses to serve in debug mode."
            )
        return super().execute(*args, **options)

    def handle(self, *args, host, port, workers, threads, no_worker, **options):
        ensure_port_free(host, port)
        fewer_malloc_arenas()
        self.prepare()
        worker = None
        if not no_worker:
            worker = subprocess.Popen(
                [sys.executable, "-m", "kronika", "worker", "--no-startup-delay"]
            )
        self.stdout.write(f"Serving {settings.WAGTAIL_SITE_NAME} on http://{host}:{port}/")
        try:
            self.run_server(host, port, workers, threads)
        finally:
            if worker is not None:
                stop_worker(worker)

    def migrate_if_needed(self):
        with migration_lock():
            executor = MigrationExecutor(connection)
            if executor.migration_plan(executor.loader.graph.leaf_nodes()):
                self.stdout.write("Migrating the database…")
                call_command("migrate", interactive=False, verbosity=0)

    def prepare(self):
        self.migrate_if_needed()
        # A language added to KRONIKA_LANGUAGES since the last migration. (Imported
        # here: this module is read before Django's apps are, to tune malloc.)
        from kronika.base.languages import ensure_locales

        ensure_locales()
        if connection.vendor == "sqlite":
            # Without statistics SQLite's planner walks the whole page table to
            # find a few sections; ANALYZE takes seconds even for a large archive.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        # In a process of its own: compressing the static files (brotli at its
        # best) grows the heap by about 100 MB, which the server processes,
        # started from this one, would otherwise carry for their whole life.
        collected = subprocess.run(
            [sys.executable, "-m", "kronika", "collectstatic", "--no-input", "--verbosity", "0"],
            check=False,
        )
        if collected.returncode != 0:
            raise CommandError("The static files could not be collected (see above).")
        # This process may have read the manifest of hashed names before it was
        # written, and the server processes start as copies of this one: read it
        # again, as ManifestFilesMixin.__init__ does.
        if hasattr(staticfiles_storage, "load_manifest"):
            manifest = staticfiles_storage.load_manifest()
            staticfiles_storage.hashed_files, staticfiles_storage.manifest_hash = manifest
        settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
        # The server processes open their own connections.
        connection.close()

    def run_server(self, host, port, workers, threads):
        from granian.constants import Interfaces
        from granian.server import Server

        Server(
            "kronika.wsgi:application",
            address=host,
            port=port,
            interface=Interfaces.WSGI,
            # WSGI has none; left on, granian says so on every start.
            websockets=False,
            workers=workers,
            blocking_threads=threads,
            respawn_failed_workers=True,
            # Ctrl-C reaches the workers too; one that does not stop must not hold up the rest.
            workers_kill_timeout=10,
            log_access=False,
        ).serve()
