"""`make bench`, WordPress part: importing a large WordPress export, timed and weighed.

    python -m bench.wordpress [--posts N] [--keep]

Writes a deterministic WXR 1.2 export of N posts into var/bench/ (reused while
an identical one is there), imports it with `kronika import_wordpress` into a
freshly migrated database in a scratch data dir, and measures the import's
wall time and peak RSS. Prints a table and writes var/bench/wordpress.json:
one {"name", "value", "unit", "goal", "met"} per goal, with every figure (and
the import's resident memory every two seconds) in wordpress-figures.json and
the import's own report in wordpress-report.json. On PostgreSQL (DATABASE_URL)
it imports into a scratch database of its own.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.__main__ import OUT, ROOT, environment
from bench.results import Results, step
from bench.results import write_atomically as _write_atomically
from bench.wordpress.export import MB, ensure_export

RSS_GOAL_MB = 500
RSS_SAMPLE_SECONDS = 2


def _rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


@dataclass
class Run:
    status: int
    seconds: float
    peak_mb: float
    rss_mb: list[tuple[float, float]]  # (seconds since the start, MB) while it ran

    def rss_at(self, share: float) -> float:
        """Resident memory when `share` of the run had passed: a slope here is a leak."""
        moment = share * self.seconds
        return next((mb for at, mb in self.rss_mb if at >= moment), self.peak_mb)


def run_import(export: Path, report: Path, env: dict, log: Path) -> Run:
    command = [sys.executable, "-m", "kronika", "import_wordpress", str(export)]
    command += ["--report", str(report)]
    samples: list[tuple[float, float]] = []
    finished = threading.Event()

    def sample(pid: int, started: float) -> None:
        while not finished.wait(RSS_SAMPLE_SECONDS):
            rss = _rss_mb(pid)
            if rss:
                samples.append((round(time.monotonic() - started, 1), round(rss, 1)))

    with log.open("w") as output:
        started = time.monotonic()
        # The progress bar goes to stderr, which stays on the terminal.
        child = subprocess.Popen(command, env=env, stdout=output)  # noqa: S603 - our own command
        sampler = threading.Thread(target=sample, args=(child.pid, started), daemon=True)
        sampler.start()
        # wait4 gives this child's own peak; RUSAGE_CHILDREN would also count `migrate`.
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.monotonic() - started
        finished.set()
        sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    return Run(child.returncode, seconds, usage.ru_maxrss / 1024, samples)


def posts_in_report(report: Path) -> dict:
    """The report's counts for posts: imported, updated, unchanged, skipped."""
    try:
        return json.loads(report.read_text()).get("counts", {}).get("post", {})
    except (OSError, ValueError, AttributeError):
        return {}


def parse_args():
    parser = argparse.ArgumentParser(
        prog="python -m bench.wordpress", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the imported paper's data dir (a PostgreSQL scratch database is dropped)",
    )
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    sys.path.insert(0, str(ROOT))
    from kronika.scratch import scratch_database

    # A failed run leaves no figures behind that look like its own.
    for stale in ("wordpress.json", "wordpress-figures.json", "wordpress-report.json"):
        (OUT / stale).unlink(missing_ok=True)
    export, stamp = ensure_export(args.posts)
    data_dir = OUT / "wordpress-data"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    logs = OUT / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    report, log = OUT / "wordpress-report.json", logs / "wordpress-import.log"
    with scratch_database() as database:
        env = environment(data_dir, database)
        vendor = "postgresql" if database else "sqlite"
        step(f"Migrating a fresh database ({vendor})")
        subprocess.run(
            [sys.executable, "-m", "kronika", "migrate", "--no-input", "--verbosity", "0"],
            env=env,
            check=True,
        )
        step(f"kronika import_wordpress {export.relative_to(ROOT)}")
        run = run_import(export, report, env, log)
    if not args.keep:
        shutil.rmtree(data_dir, ignore_errors=True)
    if run.status:
        print(f"\nThe import failed (exit status {run.status}); its output is in {log}")
        return 1
    posts = posts_in_report(report)
    if sum(posts.values()) != args.posts or posts.get("skipped"):
        print(f"\nThe report accounts for {posts} of {args.posts:,} posts: see {report}")
        return 1

    results = Results()
    rate, peak = args.posts / run.seconds, run.peak_mb
    results.show(
        "posts in the export", f"{args.posts:,} ({stamp['counts']['comments']:,} comments)"
    )
    results.show("export size", f"{stamp['bytes'] / MB:.0f} MB")
    results.show("import wall time", f"{run.seconds:.1f} s")
    results.show("import rate", f"{rate:,.1f} posts/s")
    results.show("import peak RSS", f"{peak:.0f} MB ({peak / RSS_GOAL_MB:.2f} of the goal)")
    results.show(
        "import RSS at 10/25/50/75/90% of the run",
        " / ".join(f"{run.rss_at(share):.0f}" for share in (0.1, 0.25, 0.5, 0.75, 0.9)) + " MB",
    )
    suffix = "" if vendor == "sqlite" else f" ({vendor})"
    results.goal(
        f"wordpress_import_peak_rss{suffix}", peak, "MB", f"< {RSS_GOAL_MB}", peak < RSS_GOAL_MB
    )
    figures = {
        "export": {key: stamp[key] for key in ("posts", "bytes", "counts")},
        "database": vendor,
        "seconds": round(run.seconds, 2),
        "posts_per_second": round(rate, 2),
        "peak_rss_mb": round(peak, 1),
        "rss_mb": run.rss_mb,
        "report_posts": posts,
    }
    _write_atomically(OUT / "wordpress-figures.json", figures)
    path = _write_atomically(OUT / "wordpress.json", results.goals)
    results.print_goals()
    print(f"\nWrote {path.relative_to(ROOT)}; the import's report is {report.relative_to(ROOT)}")
    return 0 if all(goal["met"] for goal in results.goals) else 1


if __name__ == "__main__":
    sys.exit(main())
