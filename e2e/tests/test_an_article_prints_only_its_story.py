"""A printed article keeps its headline, byline, hero picture and body, and drops
the navigation, the forms, the comments and the boxes that only work on screen."""

from e2e import layout


def test_an_article_prints_its_story_without_navigation_forms_or_comments(page, open_reader_page):
    open_reader_page(page, "article")
    page.emulate_media(media="print")
    missing = [
        name for name, selector in layout.PRINTED.items() if not layout.shown(page, selector)
    ]
    printed = {selector: layout.shown(page, selector) for selector in layout.NOT_PRINTED}
    printed = {selector: found for selector, found in printed.items() if found}
    assert missing == [], f"the printed article lacks its {', '.join(missing)}"
    assert printed == {}, f"the printed article still shows {printed}"
