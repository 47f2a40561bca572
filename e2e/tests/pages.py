"""The reader pages every quality check looks at."""

import re

from kronika.testing_over_http import fetch

# One page of each kind a reader meets, in the order the gate reports them, and an
# article in each of the demo's other languages (issue 23).
KINDS = [
    "home",
    "section",
    "article",
    "search",
    "tag",
    "author",
    "404",
    "about",
    "article-lt",
    "article-ru",
]
TEASER = re.compile(r'class="teaser-title"><a href="([^"]+)"')


def gate_pages(base_url: str) -> dict[str, str]:
    """Name → URL of one page of each kind in KINDS.

    The article is the newest on the home page with tags and a byline, so the
    tag and author pages come from it, whatever other tests have published.
    """
    home = fetch(base_url + "/")[1]
    for article in dict.fromkeys(TEASER.findall(home)):
        html = fetch(base_url + article)[1]
        tag = re.search(r'href="(/tags/[^"]+/)"', html)
        author = re.search(r'href="(/authors/[^"]+/)"', html)
        if tag and author:
            break
    else:
        raise AssertionError("no article on the home page has tags and a byline")
    return {
        "home": base_url + "/",
        "section": base_url + "/news/",
        "article": base_url + article,
        "tag": base_url + tag.group(1),
        "author": base_url + author.group(1),
        "search": base_url + "/search/?q=energy",
        "404": base_url + "/no-such-page/",
        # A standard page the demo makes and the footer links to.
        "about": base_url + "/about/",
        **{
            f"article-{code}": base_url + TEASER.findall(fetch(f"{base_url}/{code}/")[1])[0]
            for code in ("lt", "ru")
        },
    }
