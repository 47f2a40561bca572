"""Readers comment and rate, with and without JavaScript; an editor moderates."""

import re
import time

from playwright.sync_api import expect


def open_article(page, demo):
    """The lead story: the newest article, so its comments are open."""
    page.goto(demo.base_url + "/")
    page.locator(".lead-story .teaser-title a").click()
    return page.url


def test_a_reader_comments_without_javascript_and_an_editor_approves(
    demo, browser, log_in, screenshot
):
    context = browser.new_context(java_script_enabled=False)
    reader = context.new_page()
    article_url = open_article(reader, demo)
    reader.fill("#id_name", "Browser reader")
    reader.fill("#id_email", "browser.reader@example.org")
    reader.fill("#id_body", "Written in a real browser.\n\nWith a second paragraph.")
    time.sleep(3.5)  # a person takes a moment to write
    reader.click(".comment-form button[type=submit]")

    notice = reader.locator(".comment-pending .comment-notice")
    expect(notice).to_have_text("Your comment is awaiting moderation.")
    assert reader.url.startswith(article_url)
    screenshot(reader, "comment-awaiting-moderation")

    stranger = browser.new_page()
    stranger.goto(article_url)
    assert stranger.locator("text=Written in a real browser.").count() == 0

    editor = log_in("editor")
    expect(editor.locator(".sidebar")).to_contain_text(re.compile(r"Comments · [1-9]"))
    editor.goto(demo.base_url + "/admin/snippets/comments/comment/?status=pending")
    row = editor.locator("table.listing tbody tr", has_text="Browser reader")
    row.locator("button.w-dropdown__toggle").click()
    editor.get_by_role("link", name="Approve").click()
    editor.locator("form button[type=submit]", has_text="Approve").click()
    expect(editor.locator(".messages")).to_contain_text("1 comment approved")
    screenshot(editor, "moderation-queue")

    # Another server process may show the approval up to a second later.
    comment = stranger.locator(".comment", has_text="Written in a real browser.")
    deadline = time.monotonic() + 1
    stranger.goto(article_url)
    while not comment.count() and time.monotonic() < deadline:
        time.sleep(0.05)
        stranger.goto(article_url)
    expect(comment.locator(".comment-author")).to_have_text("Browser reader")
    assert comment.locator(".comment-body p").count() == 2
    assert stranger.locator(".comment-notice").count() == 0
    stranger.close()
    context.close()


def test_a_reader_rates_with_javascript_without_a_reload(demo, page, screenshot):
    open_article(page, demo)
    page.evaluate("window.sameDocument = true")
    page.locator(".rating-form button[value='4']").click()
    expect(page.locator(".rating-yours")).to_have_text(
        "Your rating: 4 of 5. Choose again to change it."
    )
    expect(page.locator(".rating-form button[value='4']")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert page.evaluate("window.sameDocument") is True, "the page was not reloaded"
    expect(page.locator(".rating-summary")).to_have_text(re.compile(r"^\d\.\d from \d+ ratings?$"))
    screenshot(page, "rated-with-javascript")


def test_a_reader_rates_without_javascript(demo, browser, screenshot):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    url = open_article(page, demo)
    page.locator(".rating-form button[value='2']").click()
    page.wait_for_url(url + "#rating")
    expect(page.locator(".rating-yours")).to_contain_text("Your rating: 2 of 5")
    expect(page.locator(".rating-form button[value='2']")).to_have_attribute(
        "aria-pressed", "true"
    )
    screenshot(page, "rated-without-javascript")
    context.close()
