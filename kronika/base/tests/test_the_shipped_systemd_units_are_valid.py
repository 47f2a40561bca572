"""deploy/systemd/ as shipped: systemd's own checker accepts every unit, with no warning."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kronika.missing_tools import reason, tool

UNITS = Path(__file__).resolve().parents[3] / "deploy" / "systemd"
INSTANCES = {"kronika-web@.service": "8000", "kronika-worker@.service": "1"}


def test_systemd_analyze_accepts_every_unit(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip(reason(tool("systemd-analyze", "apt-get install systemd")))
    venv = Path(sys.executable).parent.parent
    checked = []
    for unit in sorted([*UNITS.glob("*.service"), *UNITS.glob("*.timer")]):
        instance = INSTANCES.get(unit.name)
        name = unit.name.replace("@.", f"@{instance}.") if instance else unit.name
        # Pointed at this checkout's virtualenv, as /opt/kronika/.venv is in production.
        text = unit.read_text().replace("/opt/kronika/.venv", str(venv))
        (tmp_path / name).write_text(text)
        checked.append(str(tmp_path / name))
    assert len(checked) == 5
    result = subprocess.run(
        [analyze, "verify", "--man=no", *checked], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
