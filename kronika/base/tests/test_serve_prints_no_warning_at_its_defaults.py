"""`kronika serve` with no options says nothing a reader of its log must act on.

Granian warns when a process has more request threads than twice the cores plus
one; with a fixed 8 it did on every two-core machine. The task worker beside the
server is watched from its start to its stop, which the server asks for each
time it stops.
"""

import tempfile
import time
from pathlib import Path

from django.test import SimpleTestCase

from kronika.base.management.commands.serve import request_threads
from kronika.base.tests.services import AppServer, clean_environment


class ServeAtItsDefaultsTests(SimpleTestCase):
    def test_the_server_and_its_worker_start_without_a_warning(self):
        with tempfile.TemporaryDirectory() as data:
            # Whatever the suite's environment says, the command's own defaults.
            env = clean_environment(KRONIKA_DATA_DIR=data)
            log = Path(data) / "serve.log"
            with AppServer.running(env, log, args=()) as server:
                deadline = time.monotonic() + 60
                while "Starting worker" not in server.log() and time.monotonic() < deadline:
                    time.sleep(0.2)
            output = log.read_text(errors="replace")
        self.assertIn("Started worker-1", output)
        self.assertIn("Starting worker", output)
        self.assertIn("shutting down gracefully", output)
        self.assertNotIn("warn", output.lower(), output)


class RequestThreadsTests(SimpleTestCase):
    def test_granian_never_thinks_the_threads_too_many(self):
        for cpus in (1, 2, 3, 4, 16, 64):
            with self.subTest(cpus=cpus):
                self.assertLessEqual(request_threads(cpus), 2 * cpus + 1)

    def test_more_cores_bring_more_threads_up_to_eight(self):
        self.assertEqual([request_threads(cpus) for cpus in (1, 2, 3, 4, 64)], [3, 5, 7, 8, 8])
