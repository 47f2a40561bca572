"""The dependency audit (.ci/audit_dependencies.py) fails closed: a vulnerable pin
fails it online and offline, and the offline fallback also fails on a stale
snapshot, on a pin the snapshot does not list, and on a requirement that is not
an exact pin.
"""

import importlib.util
import json
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location("audit", ROOT / ".ci" / "audit_dependencies.py")
audit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit)


class DependencyAuditTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.snapshot = json.loads(audit.SNAPSHOT.read_text())
        cls.taken = date.fromisoformat(cls.snapshot["date"])

    def findings(self, pinned, today=None):
        return audit.offline_findings(pinned, self.snapshot, today or self.taken)

    def test_our_lock_passes_the_offline_audit(self):
        self.assertEqual(self.findings(audit.pins(audit.LOCK.read_text())), [])

    def test_a_known_vulnerable_pin_fails_the_offline_audit(self):
        found = "\n".join(self.findings({"django": "5.2.0"}))
        self.assertIn("django==5.2.0 is affected by CVE-2025-64459", found)

    def test_the_first_fixed_release_is_not_flagged(self):
        found = "\n".join(self.findings({"django": "5.2.8"}))
        self.assertNotIn("CVE-2025-64459", found)
        self.assertIn("CVE-2026-48588", found, "5.2.8 is still older than 5.2.16")

    def test_a_stale_snapshot_fails(self):
        later = self.taken + timedelta(days=audit.MAX_AGE_DAYS + 1)
        found = self.findings(audit.pins(audit.LOCK.read_text()), today=later)
        self.assertEqual(len(found), 1)
        self.assertIn("days old", found[0])

    def test_a_pin_the_snapshot_does_not_list_fails(self):
        self.assertIn("is not in the advisory snapshot", self.findings({"leftpad": "1.0"})[0])

    def test_a_requirement_that_is_not_an_exact_pin_is_refused(self):
        for line in ("django>=5.2", "-e .", "git+https://example.org/x.git"):
            with self.subTest(line=line), self.assertRaises(audit.AuditError):
                audit.pins(f"wagtail==8.0.1\n{line}\n")

    def test_the_command_fails_on_a_vulnerable_lock_and_says_which_audit_ran(self):
        with tempfile.TemporaryDirectory() as folder:
            lock = Path(folder) / "requirements.lock"
            lock.write_text("django==5.2.0\n")
            result = subprocess.run(
                [sys.executable, str(ROOT / ".ci" / "audit_dependencies.py"), str(lock)],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertRegex(result.stdout, r"dependency audit: (ONLINE|OFFLINE FALLBACK)")
        self.assertRegex(result.stdout, r"dependency audit: FAILED \((online|offline)")
