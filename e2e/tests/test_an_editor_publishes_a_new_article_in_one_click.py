"""Acceptance for issue 20: an editor writes an article, typing only its headline,
standfirst and body, choosing its section and a picture, and publishes it with one click."""

import re
import time

from playwright.sync_api import expect

from e2e.tests.admin_forms import (
    default_action,
    submitted,
    unique_picture,
    upload_picture,
    write_paragraph,
)
from kronika.testing_over_http import fetch

HEADLINE = "Tallinn tram line reaches the airport terminal"
SLUG = "tallinn-tram-line-reaches-the-airport-terminal"
NEWS_ID_SCRIPT = (
    "from kronika.news.models import SectionPage; "
    "print(SectionPage.objects.get(locale__language_code='en', slug='news').pk)"
)


def test_an_editor_publishes_a_new_article_in_one_click(demo, log_in, screenshot, tmp_path):
    news_id = demo.kronika("shell", "-c", NEWS_ID_SCRIPT).strip().splitlines()[-1]
    editor = log_in("editor")
    # The section is chosen in the admin's explorer, as an editor finds it.
    editor.goto(f"{demo.base_url}/admin/pages/{news_id}/")
    editor.get_by_role("link", name=re.compile("Add child page", re.I)).first.click()
    # A section takes articles and subsections: the editor picks the kind.
    editor.locator("a[href*='/add/news/articlepage/']").first.click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/add/news/articlepage/\d+/$"))

    editor.locator("#id_title").press_sequentially(HEADLINE)
    counts = editor.locator("[data-kronika-count]")
    expect(counts.first).to_have_text(f"{len(HEADLINE)} / 60 shown by search engines")
    editor.locator("#id_standfirst").press_sequentially("Trams run every ten minutes from Monday.")
    expect(counts.nth(1)).to_contain_text("40 / 160 shown by search engines")
    upload_picture(editor, unique_picture(tmp_path), "A tram at the airport stop")
    write_paragraph(editor, "The city says the line will carry nine thousand people a day.")

    # Autosave creates the draft once the form is complete; wait for it, so that
    # Publish is not clicked while that request is in flight.
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"), timeout=20_000)
    assert default_action(editor) == "action-publish", "Publish is the first action offered"
    screenshot(editor, "editor-writes")

    editor.locator("footer .w-dropdown-button > button").first.click()
    submitted(editor, r"/admin/pages/\d+/$")
    deadline = time.monotonic() + 30
    while fetch(f"{demo.base_url}/news/{SLUG}/")[0] != 200 and time.monotonic() < deadline:
        time.sleep(0.25)
    status, article = fetch(f"{demo.base_url}/news/{SLUG}/")
    assert status == 200, "the article is live at a slug made from its headline"
    assert HEADLINE in article
    assert 'class="hero"' in article
    assert "Andres Kask" in article or "Mārtiņš Ozols" in article, "signed by the editor"
