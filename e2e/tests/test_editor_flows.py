"""The newsroom in a real browser: a reporter writes and submits, an editor publishes."""

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
from kronika.testing_over_http import fetch, fetch_showing

HEADLINE = "Ferry line to Gotland resumes after storm repairs"
SLUG = "ferry-line-to-gotland-resumes-after-storm-repairs"
NEWEST_SCRIPT = (
    "from kronika.news.models import ArticlePage; "
    "print(ArticlePage.objects.published().newest_first().first().url)"
)
NEWS_ID_SCRIPT = (
    "from kronika.news.models import SectionPage; "
    "print(SectionPage.objects.get(locale__language_code='en', slug='news').pk)"
)


def test_a_reporter_submits_and_an_editor_publishes(demo, browser, log_in, screenshot, tmp_path):
    newest_before = demo.kronika("shell", "-c", NEWEST_SCRIPT).strip().splitlines()[-1]

    news_id = demo.kronika("shell", "-c", NEWS_ID_SCRIPT).strip().splitlines()[-1]
    reporter = log_in("reporter")
    reporter.goto(f"{demo.base_url}/admin/pages/add/news/articlepage/{news_id}/")

    reporter.locator("#id_title").press_sequentially(HEADLINE)
    reporter.fill("#id_standfirst", "The ferry returns on Monday after three weeks in dock.")
    upload_picture(reporter, unique_picture(tmp_path), "The ferry in dock")
    write_paragraph(reporter, "The operator said all sailings would run to the summer timetable.")

    # The reporter's byline is filled in (the demo account has an author profile),
    # and the slug comes from the headline: neither is typed.
    # Autosave creates the draft in the background once the form is complete; a
    # submit clicked while that request is in flight would create it a second time.
    expect(reporter).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"), timeout=20_000)
    screenshot(reporter, "reporter-writes")

    assert default_action(reporter) == "action-submit", "a reporter's next step is review"
    assert reporter.locator("footer button[name=action-publish]").count() == 0
    reporter.locator("footer button[name=action-submit]").click()
    submitted(reporter, rf"/admin/pages/{news_id}/$")
    article_url = f"/news/{SLUG}/"
    assert fetch(demo.base_url + article_url)[0] == 404, "not live before review"

    editor = log_in("editor")
    editor.goto(f"{demo.base_url}/admin/pages/{news_id}/")
    editor.get_by_role("link", name=HEADLINE).first.click()
    editor.locator("footer .w-dropdown__toggle").last.click()
    screenshot(editor, "editor-reviews")
    editor.locator("footer").get_by_role("button", name="Approve and Publish", exact=True).click()
    deadline = time.monotonic() + 30
    while fetch(demo.base_url + article_url)[0] != 200 and time.monotonic() < deadline:
        time.sleep(0.25)

    status, article = fetch(demo.base_url + article_url)
    assert status == 200, "the approved article should be live"
    assert HEADLINE in article
    assert 'class="hero"' in article
    assert HEADLINE in fetch_showing(demo.base_url + "/", HEADLINE)
    assert HEADLINE in fetch_showing(demo.base_url + "/news/", HEADLINE)
    # It is the newest article, so the previous newest now leads to it.
    next_link = f'rel="next" href="{article_url}"'
    assert next_link in fetch_showing(demo.base_url + newest_before, next_link)
    assert f'rel="prev" href="{newest_before}"' in article

    page = browser.new_page()
    page.goto(demo.base_url + article_url)
    screenshot(page, "published-article")
