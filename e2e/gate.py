"""The browser quality gate: what a browser, axe-core, the Nu Html Checker and
Lighthouse say of a page. The tests use these functions on the demo paper, and
on a deliberately broken page to prove the gate fails when it should.
"""

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from kronika.missing_tools import tool

E2E_DIR = Path(__file__).resolve().parent
NODE_MODULES = E2E_DIR / "node_modules"
CHROMIUM = Path(os.environ.get("KRONIKA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
# WCAG 2.2 at levels A and AA, with the 2.0 and 2.1 criteria it includes.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_MINIMUM = 95
# Cumulative Layout Shift: text must not jump when the web fonts arrive.
LIGHTHOUSE_MAX_LAYOUT_SHIFT = 0.02
LIGHTHOUSE_ATTEMPTS = 4
DESKTOP, MOBILE = (1280, 800), (390, 844)


def missing_tools() -> list[str]:
    """What the gate needs and this machine lacks, each with the command that brings it."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(tool(f"Chromium at {CHROMIUM}", "apt-get install chromium"))
    if not shutil.which("java"):
        missing.append(
            tool("Java, for the Nu Html Checker", "apt-get install default-jre-headless")
        )
    for path in (AXE_JS, VNU_JAR, LIGHTHOUSE):
        if not path.exists():
            missing.append(tool(f"e2e/{path.relative_to(E2E_DIR)}", "npm ci --prefix e2e"))
    return missing


def axe_violations(page, rules: list[str] | None = None) -> list[dict]:
    """The WCAG 2.2 A and AA violations axe-core finds in a loaded Playwright page,
    or only those of the named axe rules."""
    # Evaluated through the DevTools protocol: the pages' Content-Security-Policy
    # refuses the inline <script> that add_script_tag would insert.
    page.evaluate(AXE_JS.read_text())
    violations = page.evaluate(
        """async ([tags, rules]) => {
            const only = rules ? {type: "rule", values: rules} : {type: "tag", values: tags};
            const result = await axe.run(document, {runOnly: only});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(" ")).slice(0, 5),
            }));
        }""",
        [WCAG_TAGS, rules],
    )
    return violations


def vnu_errors(documents: dict[str, str]) -> dict[str, list[str]]:
    """The Nu Html Checker's errors for each named HTML document, in one Java run."""
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for index, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page{index}.html"
            path.write_text(html, encoding="utf-8")
            paths[path.name] = name
        result = subprocess.run(
            [
                "java",
                "-jar",
                str(VNU_JAR),
                "--format",
                "json",
                "--exit-zero-always",
                *map(str, Path(folder).glob("*.html")),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
    errors: dict[str, list[str]] = {name: [] for name in documents}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            url = message.get("url", "?")
            name = paths.get(url.rsplit("/", 1)[-1], url)
            errors.setdefault(name, []).append(
                f"line {message.get('lastLine', '?')}: {message.get('message')}"
            )
    return errors


def lighthouse(url: str, preset: str, output_dir: Path) -> dict:
    """Run Lighthouse on `url` with the mobile (default) or desktop preset; return its report."""
    output_dir.mkdir(parents=True, exist_ok=True)
    report_path = output_dir / f"{preset}.json"
    command = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        "--output=json",
        f"--output-path={report_path}",
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    # Lighthouse 12 now and then loses the trace of Chromium 156's page load
    # (NO_NAVSTART) and exits without a report: a failure to measure, not a score.
    # Such runs are retried; a low score is never retried, nor a page that
    # answers with an error status, which will answer the same again.
    for attempt in range(1, LIGHTHOUSE_ATTEMPTS + 1):
        result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
        if result.returncode == 0:
            return json.loads(report_path.read_text())
        if "(Status code: " in result.stderr:
            break
        time.sleep(2 * attempt)
    raise RuntimeError(
        f"Lighthouse could not measure {url} ({preset}) in {attempt} attempts:\n"
        + result.stderr[-3000:]
    )


def lighthouse_scores(report: dict) -> dict[str, int]:
    return {
        name: round((category["score"] or 0) * 100)
        for name, category in report["categories"].items()
    }


def page_weights_kb(report: dict) -> dict[str, float]:
    """Bytes over the wire by kind of resource, from Lighthouse's network record."""
    kinds = {"Document": "html", "Stylesheet": "css", "Script": "js", "Image": "images"}
    weights = dict.fromkeys(kinds.values(), 0.0)
    for request in report["audits"]["network-requests"]["details"]["items"]:
        kind = kinds.get(request.get("resourceType"))
        if kind:
            weights[kind] += request.get("transferSize", 0) / 1024
    return {kind: round(size, 1) for kind, size in weights.items()}


def layout_shift(report: dict) -> float:
    """The page's Cumulative Layout Shift as Lighthouse measured it."""
    return round(report["audits"]["cumulative-layout-shift"]["numericValue"], 4)


def failing_scores(scores: dict[str, int]) -> dict[str, int]:
    return {name: score for name, score in scores.items() if score < LIGHTHOUSE_MINIMUM}
