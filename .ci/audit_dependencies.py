"""The dependency audit: every pin in requirements.lock against known advisories. It fails closed.

Usage: python .ci/audit_dependencies.py [LOCK] [--snapshot FILE]

Online, `pip-audit --strict` audits the lock against the first vulnerability
service that answers (PyPI's, then OSV's); its verdict is final, and any pin it
cannot audit fails the run. Only when neither service can be reached does the
offline fallback run: the pins are checked against the committed advisory
snapshot (.ci/advisories.json), and the run fails on any affected pin, on any
pin the snapshot does not list, and on a snapshot older than MAX_AGE_DAYS.
The output always says which of the two audits ran.
"""

import argparse
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import UTC, date, datetime
from pathlib import Path

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

HERE = Path(__file__).resolve().parent
LOCK = HERE.parent / "requirements.lock"
SNAPSHOT = HERE / "advisories.json"
MAX_AGE_DAYS = 30
TIMEOUT = 15
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)\s*(?:[;#].*)?$")
# A pin that certainly exists, asked of each service before it is trusted: a
# proxy that answers 404 for every release looks like "no such package" to
# pip-audit, which is an unreachable service, not a verdict.
PROBE_PACKAGE = "django"


class AuditError(Exception):
    """The lock or the snapshot cannot be read as they must be."""


def pins(lock_text: str) -> dict[str, str]:
    """Each requirement of a lock file as {canonical name: exact version}."""
    found = {}
    for number, line in enumerate(lock_text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = PIN.match(stripped)
        if match is None:
            raise AuditError(f"line {number} is not an exact pin (name==version): {stripped}")
        found[canonicalize_name(match.group(1))] = match.group(2)
    if not found:
        raise AuditError("the lock file pins nothing")
    return found


def affected(version: str, ranges: list[dict]) -> bool:
    """Whether `version` lies in one of the ranges [introduced, fixed)."""
    try:
        pinned = Version(version)
    except InvalidVersion:
        return True  # an unreadable version cannot be shown to be safe
    for span in ranges:
        introduced = Version(span.get("introduced") or "0")
        fixed = span.get("fixed")
        if introduced <= pinned and (fixed is None or pinned < Version(fixed)):
            return True
    return False


def offline_findings(pinned: dict[str, str], snapshot: dict, today: date) -> list[str]:
    """Everything that fails the offline audit; an empty list means it passes."""
    try:
        taken = date.fromisoformat(snapshot["date"])
        listed = {canonicalize_name(name): entry for name, entry in snapshot["packages"].items()}
    except (KeyError, TypeError, ValueError) as error:
        raise AuditError(f"the advisory snapshot is malformed: {error!r}") from None
    findings = []
    age = (today - taken).days
    if age > MAX_AGE_DAYS:
        findings.append(
            f"the advisory snapshot is {age} days old (at most {MAX_AGE_DAYS}): "
            "refresh .ci/advisories.json"
        )
    for name, version in sorted(pinned.items()):
        entry = listed.get(name)
        if entry is None:
            findings.append(f"{name}=={version} is not in the advisory snapshot: review it")
            continue
        for advisory in entry.get("advisories", []):
            if affected(version, advisory["affected"]):
                aliases = ", ".join(advisory.get("aliases", []))
                findings.append(
                    f"{name}=={version} is affected by {advisory['id']}"
                    + (f" ({aliases})" if aliases else "")
                    + f": {advisory.get('summary', '')}"
                )
    return findings


def _answer(request: urllib.request.Request) -> str | None:
    """Why a service cannot be used, or None when it answered as it should."""
    try:
        # Only ever the two fixed https addresses of the services.
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 # nosec B310
            json.loads(response.read())
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return str(getattr(error, "reason", error))
    except ValueError:
        return "an answer that is not JSON"
    return None


def probe(service: str, version: str) -> str | None:
    if service == "pypi":
        url = f"https://pypi.org/pypi/{PROBE_PACKAGE}/{version}/json"
        return _answer(urllib.request.Request(url))
    query = {"package": {"name": PROBE_PACKAGE, "ecosystem": "PyPI"}, "version": version}
    return _answer(
        urllib.request.Request(
            "https://api.osv.dev/v1/query",
            data=json.dumps(query).encode(),
            headers={"Content-Type": "application/json"},
        )
    )


def online_audit(lock: Path, service: str) -> int:
    command = [
        sys.executable, "-m", "pip_audit", "--strict", "--requirement", str(lock),
        "--no-deps", "--disable-pip", "--progress-spinner", "off",
        "--vulnerability-service", service,
    ]  # fmt: skip
    print(f"dependency audit: ONLINE, pip-audit --strict against the {service} service")
    result = subprocess.run(command, check=False)  # noqa: S603 - our own fixed command
    verdict = "passed" if result.returncode == 0 else "FAILED"
    print(f"dependency audit: {verdict} (online, {service})")
    return 0 if result.returncode == 0 else 1


def offline_audit(pinned: dict[str, str], snapshot_path: Path, reasons: list[str]) -> int:
    snapshot = json.loads(snapshot_path.read_text())
    reviewed = sum(1 for entry in snapshot.get("packages", {}).values() if entry.get("reviewed"))
    count = sum(
        len(entry.get("advisories", [])) for entry in snapshot.get("packages", {}).values()
    )
    print(
        "dependency audit: OFFLINE FALLBACK, no vulnerability service could be reached "
        f"({'; '.join(reasons)}).\n"
        f"Checking {len(pinned)} pins against {snapshot_path.name} of {snapshot.get('date')} "
        f"({count} advisories; {reviewed} packages researched for it, the others listed "
        "without any known advisory). This is not a live audit."
    )
    findings = offline_findings(pinned, snapshot, datetime.now(UTC).date())
    for finding in findings:
        print(f"  {finding}")
    verdict = "FAILED" if findings else "passed"
    print(f"dependency audit: {verdict} (offline snapshot)")
    return 1 if findings else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lock", nargs="?", type=Path, default=LOCK)
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT)
    options = parser.parse_args(argv)
    try:
        pinned = pins(options.lock.read_text())
        if PROBE_PACKAGE not in pinned:
            raise AuditError(f"the lock does not pin {PROBE_PACKAGE}, which the probes ask for")
        reasons = []
        for service in ("pypi", "osv"):
            problem = probe(service, pinned[PROBE_PACKAGE])
            if problem is None:
                return online_audit(options.lock, service)
            reasons.append(f"{service}: {problem}")
        return offline_audit(pinned, options.snapshot, reasons)
    except (AuditError, OSError, json.JSONDecodeError) as error:
        print(f"dependency audit: FAILED: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
