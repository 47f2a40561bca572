"""`kronika serve`, and `kronika demo` which serves the same way, never run with
DEBUG on: they stop before touching anything, with one line on stderr.
"""

import tempfile
from pathlib import Path

from django.test import SimpleTestCase

from kronika.testing_over_http import free_port, run_kronika


class DebugRefusalTests(SimpleTestCase):
    def assert_refused(self, command: str):
        with tempfile.TemporaryDirectory() as data_dir:
            result = run_kronika(
                command,
                "--port",
                str(free_port()),
                KRONIKA_DATA_DIR=data_dir,
                KRONIKA_DEBUG="true",
            )
            created = sorted(path.name for path in Path(data_dir).iterdir())
        self.assertNotEqual(result.returncode, 0)
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertIn("KRONIKA_DEBUG", lines[0])
        self.assertNotIn("Serving", result.stdout)
        # Refused before migrating, loading the demo or starting a server.
        self.assertNotIn("kronika.sqlite3", created)

    def test_serve_refuses_debug_mode(self):
        self.assert_refused("serve")

    def test_demo_refuses_debug_mode(self):
        self.assert_refused("demo")
