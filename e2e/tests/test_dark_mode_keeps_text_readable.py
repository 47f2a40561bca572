"""A reader whose system asks for dark colours gets a dark page, and its text
keeps the contrast WCAG asks for (axe's color-contrast rule)."""

import pytest

from e2e import gate, layout
from e2e.tests.pages import KINDS

# Below this relative luminance a background reads as dark (#595959 and darker).
DARK_BACKGROUND = 0.1


@pytest.mark.parametrize("kind", KINDS)
def test_dark_mode_text_has_enough_contrast(page, open_reader_page, kind):
    page.emulate_media(color_scheme="dark")
    open_reader_page(page, kind)
    violations = gate.axe_violations(page, rules=["color-contrast"])
    assert violations == [], f"{kind} in dark mode: {violations}"


def test_dark_mode_gives_the_article_a_dark_page(page, open_reader_page):
    page.emulate_media(color_scheme="dark")
    open_reader_page(page, "article")
    assert layout.page_background_luminance(page) < DARK_BACKGROUND
