"""What the browser tests of the newsroom do in the admin's forms."""

import io
import random
import re

from PIL import Image
from playwright.sync_api import expect


def sign_in(page, base_url: str, username: str, password: str):
    """Sign into the admin with a password and land on the dashboard."""
    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def submitted(page, url_pattern):
    """Wait until a submitted admin form has landed on `url_pattern`, or say why it did not."""
    try:
        expect(page).to_have_url(re.compile(url_pattern), timeout=30_000)
    except AssertionError:
        page.wait_for_load_state()
        errors = page.locator(".error-message, .help-critical, [data-field-errors] p")
        raise AssertionError(f"the form was refused: {errors.all_inner_texts()}") from None


def default_action(page) -> str:
    """The name of the footer's main button, the one offered before "More actions"."""
    return page.locator("footer .w-dropdown-button > button").first.get_attribute("name")


def unique_picture(tmp_path):
    """A picture no one has uploaded before, so Wagtail's duplicate check stays quiet."""
    colour = tuple(random.randrange(256) for _ in range(3))
    path = tmp_path / "ferry.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), colour).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def upload_picture(page, path, title):
    """Choose a new picture for the article through the image chooser's upload tab."""
    page.get_by_role("button", name="Choose an image").click()
    page.locator("#tab-label-upload").click()
    upload = page.locator("#tab-upload")
    upload.locator("input[type=file]").set_input_files(str(path))
    upload.locator("input[name$=title]").fill(title)
    upload.locator("button[type=submit]").click()
    page.wait_for_selector(".modal-content", state="detached")


def write_paragraph(page, text):
    page.locator("#panel-child-content-body-content button").first.click()
    page.get_by_role("option", name="Paragraph").click()
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type(text)
