"""The reader pages every quality check looks at."""

import re

from kronika.testing import fetch


def gate_pages(base_url: str) -> dict[str, str]:
    """Name → URL of one page of each kind: home, section, article, tag, author, search, 404."""
    home = fetch(base_url + "/")[1]
    article = re.search(r'class="lead-story".*?<a href="([^"]+)"', home, re.S).group(1)
    article_html = fetch(base_url + article)[1]
    tag = re.search(r'href="(/tags/[^"]+/)"', article_html).group(1)
    author = re.search(r'href="(/authors/[^"]+/)"', article_html).group(1)
    return {
        "home": base_url + "/",
        "section": base_url + "/news/",
        "article": base_url + article,
        "tag": base_url + tag,
        "author": base_url + author,
        "search": base_url + "/search/?q=energy",
        "404": base_url + "/no-such-page/",
    }
