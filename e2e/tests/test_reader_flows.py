"""A reader's way through the paper, in a real browser."""

import re


def test_a_reader_follows_the_lead_story_and_its_neighbours(demo, page, screenshot):
    page.goto(demo.base_url + "/")
    screenshot(page, "home")
    page.locator(".lead-story .teaser-title a").click()
    article_url = page.url
    headline = page.locator("h1").inner_text()
    screenshot(page, "lead-story")

    previous = page.locator("a[rel=prev]")
    previous_title = previous.locator(".article-nav-title").inner_text()
    previous.click()
    assert page.locator("h1").inner_text() == previous_title
    screenshot(page, "previous-article")

    following = page.locator("a[rel=next]")
    assert following.locator(".article-nav-title").inner_text() == headline
    following.click()
    assert page.url == article_url
    assert page.locator("h1").inner_text() == headline


def test_a_reader_opens_an_article_from_you_may_also_like(demo, page, screenshot):
    page.goto(demo.base_url + "/")
    page.locator(".lead-story .teaser-title a").click()
    related = page.locator(".related .teaser-title a")
    assert related.count() == 4
    title = related.first.inner_text()
    related.first.click()
    assert page.locator("h1").inner_text() == title
    screenshot(page, "related-article")


def test_a_reader_opens_an_article_from_more_in_the_section(demo, page, screenshot):
    page.goto(demo.base_url + "/news/")
    page.locator(".article-list .teaser-title a").first.click()
    section_heading = page.locator(".more-in-section h2").text_content()
    assert section_heading == "More in News"
    more = page.locator(".more-in-section .teaser-title a")
    assert more.count() == 4
    title = more.nth(1).inner_text()
    more.nth(1).click()
    assert page.locator("h1").inner_text() == title
    assert re.search(r"/news/[^/]+/$", page.url)
    screenshot(page, "more-in-section")


def test_a_closed_article_says_comments_are_closed(demo, page, screenshot):
    page.goto(demo.base_url + "/news/")
    for link in page.locator(".article-list .teaser-title a").all():
        href = link.get_attribute("href")
        article = page.context.new_page()
        article.goto(demo.base_url + href)
        if article.locator(".comments-closed").count():
            assert article.locator(".comments-closed").inner_text() == "Comments are closed."
            screenshot(article, "comments-closed")
            article.close()
            return
        article.close()
    raise AssertionError("no article of the News section has its comments closed")


def test_the_site_works_with_javascript_off(demo, browser, screenshot):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo.base_url + "/")
    page.locator(".lead-story .teaser-title a").click()
    assert page.locator("h1").count() == 1
    page.locator("a[rel=prev]").click()
    assert page.locator("h1").count() == 1
    screenshot(page, "no-javascript")
    context.close()
