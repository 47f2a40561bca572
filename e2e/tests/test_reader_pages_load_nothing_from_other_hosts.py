"""A reader's browser fetches nothing from another host on any reader page (the
Content-Security-Policy would refuse it, and a refusal is a failure too), and
the fonts it downloads come from the site and weigh at most 100 KB a page, or
125 KB for a page in a language written with a second subset (e2e/layout.py)."""

import pytest

from e2e import gate, layout
from e2e.tests.pages import KINDS


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("viewport", [gate.DESKTOP, gate.MOBILE], ids=["desktop", "mobile"])
def test_the_page_loads_everything_and_its_fonts_from_the_site(
    page, open_reader_page, reader_pages, kind, viewport
):
    requests = layout.Requests(page)
    open_reader_page(page, kind, *viewport)
    requests.settle()
    origin = layout.origin_of(reader_pages[kind])
    assert requests.off_site(origin) == [], f"{kind} asks other hosts"
    assert requests.refused == [], f"{kind} tries to load what its policy refuses"
    fonts = requests.fonts()
    assert [url for url in fonts if layout.origin_of(url) != origin] == [], fonts
    second_subset = kind in ("article-lt", "article-ru")
    budget = layout.SECOND_SUBSET_FONT_BUDGET_KB if second_subset else layout.FONT_BUDGET_KB
    assert sum(fonts.values()) <= budget, f"{kind} loads {fonts}"
