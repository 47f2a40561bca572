"""A reader's browser fetches nothing from another host on any reader page (the
Content-Security-Policy would refuse it, and a refusal is a failure too), and
the fonts it downloads come from the site and weigh at most 100 KB a page."""

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
    assert sum(fonts.values()) <= layout.FONT_BUDGET_KB, f"{kind} loads {fonts}"
