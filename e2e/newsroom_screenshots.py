"""`make newsroom-screenshots`: the newsroom as the demo's editor sees it, for
the README's tour: the dashboard, an article in the editor and the comment
queue, at a laptop's width into docs/screenshots/, and at a phone's beside
them for review (var/screenshots/newsroom/).

It serves a fresh demo paper of its own, so the pictures always show the demo's
content and the editor's password is the one the demo printed.
"""

import argparse
import sys
from pathlib import Path

from e2e import gate
from e2e.screenshots import demo_data_dir, require_chromium
from e2e.tests.admin_forms import sign_in

TOUR = Path("docs/screenshots")
REVIEW = Path("var/screenshots/newsroom")
LAPTOP, PHONE = (1280, 800), (390, 844)
NEWEST_ARTICLE = (
    "from kronika.news.models import ArticlePage; "
    "print(ArticlePage.objects.live().order_by('-first_published_at').first().pk)"
)


def newsroom_pages(article_id: str) -> dict[str, str]:
    """Each picture's name and the admin address it shows."""
    return {
        "newsroom-dashboard": "/admin/",
        "newsroom-editor": f"/admin/pages/{article_id}/edit/",
        "newsroom-comments": "/admin/snippets/comments/comment/?status=pending",
    }


def photograph(base_url: str, password: str, pages: dict[str, str]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(gate.CHROMIUM), args=gate.CHROMIUM_ARGS
        )
        for folder, viewport in ((TOUR, LAPTOP), (REVIEW, PHONE)):
            folder.mkdir(parents=True, exist_ok=True)
            context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
            page = sign_in(context.new_page(), base_url, "editor", password)
            for name, path in pages.items():
                response = page.goto(base_url + path)
                if response.status != 200:
                    raise SystemExit(f"{path} answered {response.status}")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(folder / f"{name}.png"))
                print(f"{folder / name}.png: {path}", file=sys.stderr)
            context.close()
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.parse_args(argv)
    require_chromium(parser)
    with demo_data_dir() as demo_dir:
        from kronika.testing_over_http import DemoServer

        with DemoServer.running(demo_dir) as demo:
            article_id = demo.shell(NEWEST_ARTICLE).splitlines()[-1]
            photograph(demo.base_url, demo.credentials()["editor"], newsroom_pages(article_id))
    return 0


if __name__ == "__main__":
    sys.exit(main())
