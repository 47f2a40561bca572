"""Every kind of reader page fits the phone, tablet and laptop widths: nothing runs
past the window's right edge, the first thing on the page keeps clear of the
header and the navigation, and nothing lies over a hero picture."""

import pytest

from e2e import layout
from e2e.tests.pages import KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_the_page_fits_every_width(page, open_reader_page, kind):
    findings = []
    for width in layout.WIDTHS:
        open_reader_page(page, kind, width, layout.HEIGHT)
        findings += layout.layout_findings(page, width)
    assert not findings, f"{kind} page:\n  " + "\n  ".join(findings)
