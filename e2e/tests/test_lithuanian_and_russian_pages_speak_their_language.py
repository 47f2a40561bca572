"""The Lithuanian and Russian editions speak their language (issue 23, point 1).

Their home, section, article, search and 404 pages, from the demo paper, have
the right <html lang>, show none of the English interface's strings, and
give dates with the language's own month names.
"""

import re
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from e2e.tests.pages import TEASER
from kronika.testing_over_http import fetch

# What the English interface says on these pages. Article text, names and
# picture credits are the paper's content, in whatever language it was written.
ENGLISH_INTERFACE = [
    "Skip to content",
    "Search the paper",
    "Sections",
    "Home",
    "The paper",
    "Follow",
    "In a news reader",
    "Previous article",
    "Next article",
    "You may also like",
    "More in",
    "Comments",
    "comment",
    "Comments are closed",
    "Write a comment",
    "Your name",
    "Rate this article",
    "Join our Telegram channel",
    # The demo's own promo text for the English edition's channel.
    "always find the latest information",
    "Latest",
    "Page not found",
    "Search for what you were looking for",
    "Latest headlines",
    "results",
    "No articles",
    "Share",
    "min read",
]
MONTHS = {
    "en": "January|February|March|April|May|June|July|August|September|October|November|December",
    "lt": "sausio|vasario|kovo|balandžio|gegužės|birželio|liepos|rugpjūčio|rugsėjo|spalio|"
    "lapkričio|gruodžio",
    "ru": "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря",
}
QUERIES = {"lt": "Lietuvos", "ru": "Таллине"}


def pages(base_url: str, code: str) -> dict[str, tuple[int, str]]:
    home = fetch(f"{base_url}/{code}/")
    article = TEASER.findall(home[1])[0]
    section = re.search(rf'<nav class="site-nav".*?href="(/{code}/[^"]+/)"', home[1], re.S)
    return {
        "home": home,
        "section": fetch(base_url + section.group(1)),
        "article": fetch(base_url + article),
        "search": fetch(f"{base_url}/{code}/search/?q={quote(QUERIES[code])}"),
        "404": fetch(f"{base_url}/{code}/no-such-page/"),
    }


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    attributes = [
        value
        for element in soup.find_all(True)
        for name in ("aria-label", "placeholder", "title", "alt")
        if (value := element.get(name))
    ]
    return " ".join([soup.get_text(" "), *attributes])


@pytest.mark.parametrize("code", ["lt", "ru"])
def test_each_page_has_its_lang_no_english_interface_and_local_dates(demo, code):
    for kind, (status, html) in pages(demo.base_url, code).items():
        assert status == (404 if kind == "404" else 200), (code, kind, status)
        assert f'<html lang="{code}">' in html, (code, kind)
        text = visible_text(html)
        english = [s for s in ENGLISH_INTERFACE if re.search(rf"\b{re.escape(s)}\b", text)]
        assert english == [], (code, kind, english)
        if kind in ("home", "section", "article"):
            assert re.search(MONTHS[code], text), (code, kind, "no date in the page's language")
            assert not re.search(MONTHS["en"], text), (code, kind, "an English month")
