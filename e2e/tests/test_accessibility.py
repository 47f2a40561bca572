"""axe-core finds no WCAG 2.2 A or AA violation on any kind of reader page."""

import pytest

from e2e import gate
from e2e.tests.pages import KINDS, gate_pages


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("viewport", [gate.DESKTOP, gate.MOBILE], ids=["desktop", "mobile"])
def test_the_page_has_no_accessibility_violations(demo, page, kind, viewport):
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(gate_pages(demo.base_url)[kind])
    violations = gate.axe_violations(page)
    assert violations == [], f"{kind}: {violations}"
