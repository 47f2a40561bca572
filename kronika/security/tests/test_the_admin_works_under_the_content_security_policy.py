"""The newsroom works in Chromium under the Content-Security-Policy, and the
browser reports no violation: a superuser signs in, opens the dashboard and the
page explorer, edits an article with its preview and image chooser, publishes
it, uploads a picture and opens the image library, then reads the article with
Wagtail's user bar. The same browser proves it would see a violation.

The demo serves plain HTTP; the policy does not depend on HTTPS.
"""

import json
import re
import tempfile
import unittest
from pathlib import Path

from PIL import Image

from e2e import gate
from kronika.missing_tools import reason, tool
from kronika.testing_over_http import DemoServer

# Violations reach the console, where the test collects them across navigations.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error("CSP violation " + JSON.stringify({
        directive: event.effectiveDirective, blocked: event.blockedURI,
        source: event.sourceFile, line: event.lineNumber, page: event.documentURI,
    }));
});
"""
PAPER = """
import json
from kronika.base.models import KronikaImage
from kronika.news.models import ArticlePage
article = ArticlePage.objects.live().exclude(hero_image=None).first()
print(json.dumps({"id": article.pk, "url": article.url, "section": article.get_parent().pk,
                  "image": KronikaImage.objects.first().pk}))
"""


@unittest.skipUnless(
    gate.CHROMIUM.exists(),
    reason(tool(f"Chromium at {gate.CHROMIUM}", "apt-get install chromium")),
)
class AdminUnderThePolicyTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        from playwright.sync_api import sync_playwright

        cls.data_dir = tempfile.TemporaryDirectory(prefix="kronika-csp-admin-")
        cls.demo = DemoServer(Path(cls.data_dir.name), args=("--no-worker",)).start()
        cls.playwright = sync_playwright().start()
        try:
            cls.paper = json.loads(cls.demo.shell(PAPER).splitlines()[-1])
            cls.browser = cls.playwright.chromium.launch(
                executable_path=str(gate.CHROMIUM), args=gate.CHROMIUM_ARGS
            )
        except Exception:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "browser", None) is not None:
            cls.browser.close()
        cls.playwright.stop()
        cls.demo.stop()
        cls.data_dir.cleanup()
        super().tearDownClass()

    def open_page(self):
        context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        self.addCleanup(context.close)
        context.add_init_script(REPORT_VIOLATIONS)
        page = context.new_page()
        violations = []

        def on_console(message):
            if "CSP violation" in message.text or "Content Security Policy" in message.text:
                violations.append(f"{page.url}: {message.text}")

        page.on("console", on_console)
        return page, violations

    def visit(self, page, path: str):
        response = page.goto(self.demo.base_url + path)
        page.wait_for_load_state("networkidle")
        self.assertLess(response.status, 400, path)

    def sign_in(self, page):
        self.visit(page, "/admin/login/")
        page.fill("input[name=username]", "admin")
        page.fill("input[name=password]", self.demo.credentials()["admin"])
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/admin/$"))
        page.wait_for_load_state("networkidle")

    def edit_and_publish(self, page):
        self.visit(page, f"/admin/pages/{self.paper['id']}/edit/")
        title = page.input_value("#id_title") + " (updated)"
        page.fill("#id_title", title)

        page.click("button[data-side-panel-toggle='preview']")
        # The preview is framed by the admin, and shows the edited article.
        preview = page.frame_locator("#w-preview-iframe").locator("h1", has_text=title)
        preview.wait_for(timeout=15_000)

        page.click("#id_hero_image-chooser [data-w-dropdown-target='toggle']")
        page.locator("#id_hero_image-chooser [data-chooser-action-choose]").first.click()
        choice = page.locator(".modal a.image-choice").first
        choice.wait_for(timeout=15_000)
        choice.click()
        page.locator(".modal").first.wait_for(state="hidden", timeout=15_000)
        self.assertTrue(page.input_value("#id_hero_image"), "an image was chosen in the modal")

        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        page.click("button[name=action-publish]")
        page.wait_for_load_state("networkidle")
        self.assertIn("has been published", page.locator(".messages").inner_text())
        return title

    def upload_picture(self, page, folder: Path):
        picture = folder / "ferry.jpg"
        Image.new("RGB", (800, 500), "#2a6f97").save(picture)
        self.visit(page, "/admin/images/multiple/add/")
        page.set_input_files("input[type=file]", str(picture))
        message = page.locator("#upload-list .status-msg:visible").first
        message.wait_for(timeout=30_000)
        self.assertIn("Upload successful", message.inner_text())

    def test_an_editor_works_through_the_admin_without_a_violation(self):
        page, violations = self.open_page()
        self.sign_in(page)
        self.visit(page, "/admin/pages/")
        self.visit(page, f"/admin/pages/{self.paper['section']}/")
        title = self.edit_and_publish(page)
        with tempfile.TemporaryDirectory() as folder:
            self.upload_picture(page, Path(folder))
        self.visit(page, "/admin/images/")
        self.visit(page, f"/admin/images/{self.paper['image']}/")
        self.visit(page, self.paper["url"])
        self.assertIn(title, page.locator("h1").first.inner_text())
        self.assertGreater(page.locator("wagtail-userbar, [data-wagtail-userbar]").count(), 0)
        self.assertEqual(violations, [], "\n".join(violations))

    def test_the_browser_reports_a_script_the_policy_blocks(self):
        page, violations = self.open_page()
        self.visit(page, self.paper["url"])
        page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.injected = true";
                document.body.append(script);
            }"""
        )
        page.wait_for_timeout(500)
        self.assertIsNone(page.evaluate("() => window.injected"))
        self.assertTrue(any("script-src" in violation for violation in violations), violations)
