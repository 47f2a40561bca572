"""axe-core finds no WCAG 2.2 A or AA violation on any kind of reader page."""

import pytest

from e2e import gate
from e2e.tests.pages import KINDS


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("viewport", [gate.DESKTOP, gate.MOBILE], ids=["desktop", "mobile"])
def test_the_page_has_no_accessibility_violations(page, open_reader_page, kind, viewport):
    open_reader_page(page, kind, *viewport)
    violations = gate.axe_violations(page)
    assert violations == [], f"{kind}: {violations}"
