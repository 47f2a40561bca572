"""`make screenshots`: every kind of reader page at a phone's, a tablet's and a
laptop's width, full length, with an index.html that sets them side by side for
review. It serves its own demo paper, or photographs one already running:

    python -m e2e.screenshots                      # a fresh demo, into var/screenshots/
    python -m e2e.screenshots --base-url http://127.0.0.1:8000

The pages are the browser gate's (e2e/tests/pages.py) and Chromium runs with the
gate's settings (e2e/gate.py), so what is reviewed is what the gate checked.
"""

import argparse
import html
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from e2e import gate

OUTPUT = Path("var/screenshots")
# A phone, a tablet and a laptop, each with its usual window height.
VIEWPORTS = {390: 844, 768: 1024, 1280: 800}
# The index shows each screenshot at a third of its width, so the columns keep
# the proportions of the three screens.
INDEX_SCALE = 3


def set_up_django(data_dir: str):
    """The gate's page list reads pages with kronika.testing, which needs Django's
    settings; the test settings keep their files in `data_dir`. A demo paper this
    starts has settings of its own."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kronika.settings_test")
    os.environ.setdefault("KRONIKA_DATA_DIR", data_dir)
    import django

    django.setup()


def require_chromium(parser: argparse.ArgumentParser) -> None:
    missing = [tool for tool in gate.missing_tools() if "Chromium" in tool]
    if missing:
        parser.error("needs " + "; ".join(missing))


@contextmanager
def demo_data_dir():
    """A scratch folder for a demo paper, with Django set up on a folder of its own."""
    with tempfile.TemporaryDirectory() as scratch:
        set_up_django(scratch)
        demo_dir = Path(scratch) / "demo"
        demo_dir.mkdir()
        yield demo_dir


@contextmanager
def demo_paper(base_url: str | None, data_dir: Path):
    """The base URL of a demo paper: the one given, or a fresh one served meanwhile."""
    if base_url:
        yield base_url.rstrip("/")
        return
    from kronika.testing_over_http import DemoServer

    print("Starting the demo paper…", file=sys.stderr)
    with DemoServer.running(data_dir) as server:
        yield server.base_url


def take_screenshots(base_url: str, output: Path) -> list[dict]:
    """Photograph each kind of page at each width; what was taken, for the index."""
    from playwright.sync_api import sync_playwright

    from e2e.tests.pages import KINDS, gate_pages

    urls = gate_pages(base_url)
    output.mkdir(parents=True, exist_ok=True)
    shots = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(gate.CHROMIUM), args=gate.CHROMIUM_ARGS
        )
        for kind in KINDS:
            address = urlsplit(urls[kind])
            path = address.path + (f"?{address.query}" if address.query else "")
            row = {"kind": kind, "path": path, "files": {}, "status": None}
            for width, height in VIEWPORTS.items():
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                response = page.goto(urls[kind])
                row["status"] = response.status
                # Lazy pictures load only once scrolled to; a full-page shot needs them all.
                page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
                page.wait_for_load_state("networkidle")
                page.evaluate("() => window.scrollTo(0, 0)")
                name = f"{kind}-{width}.png"
                page.screenshot(path=str(output / name), full_page=True)
                row["files"][width] = name
                context.close()
            shots.append(row)
            print(f"{kind}: {row['path']} ({row['status']})", file=sys.stderr)
        browser.close()
    return shots


def index_html(shots: list[dict]) -> str:
    """One row per page, one column per width, each picture linked to its full size."""
    head = "".join(f"<th scope='col'>{width} px</th>" for width in VIEWPORTS)
    rows = []
    for row in shots:
        expected = 404 if row["kind"] == "404" else 200
        note = "" if row["status"] == expected else f" <em>answered {row['status']}</em>"
        cells = "".join(
            f"<td><a href='{name}'><img src='{name}' width='{width // INDEX_SCALE}' "
            f"alt='{html.escape(row['kind'])} at {width} px' loading='lazy'></a></td>"
            for width, name in row["files"].items()
        )
        label = f"{html.escape(row['kind'])}<br><small>{html.escape(row['path'])}</small>{note}"
        rows.append(f"<tr><th scope='row'>{label}</th>{cells}</tr>")
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Kronika's reader pages</title>
<style>
  body {{ font: 15px/1.4 system-ui, sans-serif; margin: 1rem; }}
  table {{ border-collapse: collapse; }}
  th, td {{ vertical-align: top; padding: 0.5rem; border-bottom: 1px solid #ccc; }}
  thead th {{ position: sticky; top: 0; background: #fff; text-align: left; }}
  tbody th {{ text-align: left; white-space: nowrap; }}
  img {{ border: 1px solid #999; height: auto; }}
</style></head>
<body>
<h1>Kronika's reader pages</h1>
<p>Each picture is a full page at a third of its size; click it for the real one.</p>
<table>
<thead><tr><th></th>{head}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</body>
</html>
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", help="a paper already running, instead of a fresh demo")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    require_chromium(parser)
    with demo_data_dir() as demo_dir, demo_paper(args.base_url, demo_dir) as base_url:
        shots = take_screenshots(base_url, args.output)
    (args.output / "index.html").write_text(index_html(shots), encoding="utf-8")
    print(f"{args.output / 'index.html'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
