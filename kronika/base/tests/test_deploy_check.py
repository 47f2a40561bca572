import os
import subprocess
import sys
import tempfile

from django.test import SimpleTestCase


class DeployCheckTests(SimpleTestCase):
    def test_the_deploy_check_is_clean_with_production_settings(self):
        with tempfile.TemporaryDirectory() as data_dir:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "kronika.settings",
                "KRONIKA_DATA_DIR": data_dir,
                "KRONIKA_SECRET_KEY": "a-production-secret-key-" + "x7Qp2Lm9" * 6,
                "KRONIKA_DEBUG": "false",
            }
            env.pop("KRONIKA_HTTPS", None)
            result = subprocess.run(
                [sys.executable, "-m", "kronika", "check", "--deploy", "--fail-level", "WARNING"],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("no issues", result.stdout)
