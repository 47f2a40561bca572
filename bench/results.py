"""What a benchmark run found: figures, goals met or not, and regressions, printed and written.

A goal is a number held against a bound ("<= 6", ">= 300"): `Results.at_most`
and `Results.at_least` judge it, so the bound printed is the bound applied.
A regression is something that makes a figure worse than any bound can say,
such as a search stopped at its time limit or a crawled page that was not a
200: it is printed where it happens, listed again under the goals, and makes
the run's exit status 1, as an unmet goal does. The run always goes on to the
end, so one regression does not hide the rest of the table.

Each goal carries the database it was measured on ("vendor"), so a
PostgreSQL run keeps the goals' own names; latest.json is the last run and
latest-<vendor>.json the last run on each database.
"""

import json
import statistics
import time
from pathlib import Path


def summary(times: list[float], *percentiles: int) -> dict:
    """The given percentiles, the max and the count of `times`."""
    # quantiles() needs two values; one value is every percentile of itself.
    cuts = statistics.quantiles(times * 2 if len(times) == 1 else times, n=100, method="inclusive")
    figures = {f"p{point}": round(cuts[point - 1], 2) for point in percentiles}
    return {**figures, "max": round(max(times), 2), "n": len(times)}


def write_atomically(path: Path, data) -> Path:
    """A script reading the file never sees half of it."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=1, default=str) + "\n")
    temporary.replace(path)
    return path


def step(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


class Results:
    def __init__(self, vendor: str | None = None):
        self.vendor = vendor
        self.rows: list[tuple[str, str]] = []
        self.goals: list[dict] = []
        self.regressions: list[str] = []
        self.figures: dict = {}

    def show(self, name: str, value: str) -> None:
        self.rows.append((name, value))
        print(f"    {name:<52} {value}", flush=True)

    def goal(self, name: str, value: float, unit: str, goal: str, met: bool) -> None:
        self.goals.append(
            {
                "name": name,
                "value": round(value, 3),
                "unit": unit,
                "goal": goal,
                "met": bool(met),
                **({"vendor": self.vendor} if self.vendor else {}),
            }
        )

    def at_most(self, name: str, value: float, unit: str, bound: float) -> None:
        self.goal(name, value, unit, f"<= {bound:g}", value <= bound)

    def at_least(self, name: str, value: float, unit: str, bound: float) -> None:
        self.goal(name, value, unit, f">= {bound:g}", value >= bound)

    def regression(self, message: str) -> None:
        """Something worse than a missed bound, said at once and again at the end."""
        self.regressions.append(message)
        print(f"    REGRESSION: {message}", flush=True)

    @property
    def passed(self) -> bool:
        return not self.regressions and all(goal["met"] for goal in self.goals)

    def write(self, out: Path) -> Path:
        """figures.json, latest.json, and latest-<vendor>.json, which the other database keeps."""
        out.mkdir(parents=True, exist_ok=True)
        figures = {**self.figures, "vendor": self.vendor, "regressions": self.regressions}
        write_atomically(out / "figures.json", figures)
        write_atomically(out / f"latest-{self.vendor}.json", self.goals)
        return write_atomically(out / "latest.json", self.goals)

    def table(self) -> str:
        lines = ["\nGoals" + (f" ({self.vendor})" if self.vendor else "")]
        for goal in self.goals:
            mark = "met    " if goal["met"] else "NOT MET"
            value = f"{goal['value']:g} {goal['unit']}"
            lines.append(f"  {mark}  {goal['name']:<40} {value:>16}   goal {goal['goal']}")
        if self.regressions:
            lines.append(f"\nRegressions ({len(self.regressions)})")
            lines += [f"  {message}" for message in self.regressions]
        missed = sum(not goal["met"] for goal in self.goals)
        lines.append(
            f"\n{len(self.goals) - missed} of {len(self.goals)} goals met"
            + (f", {len(self.regressions)} regressions" if self.regressions else "")
        )
        return "\n".join(lines)

    def print_goals(self) -> None:
        print(self.table(), flush=True)
