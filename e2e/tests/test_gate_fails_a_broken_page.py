"""The gate is only worth something if it fails: a deliberately broken page must be
caught by axe-core, by the Nu Html Checker and by Lighthouse, whose layout-shift
measure must see its text jump."""

import pytest

from e2e import gate

BROKEN_PAGE = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8">
<style>
  /* Text that jumps after the page has loaded, as a late web font makes it jump. */
  @keyframes jump { from { margin-top: 0; } to { margin-top: 40vh; } }
  .jumps { animation: jump 0.2s steps(1) 0.6s forwards; }
</style></head>
<body>
<p class="jumps">A block of text that jumps down the page once it has been read.</p>
<div id="x"><div id="x">
<p style="color:#bbb;background:#fff">Grey text that nobody can read.</p>
<img src="missing.png">
<a href="#"></a>
<input type="text">
<span><div>a block inside an inline</div></span>
</body>
</html>
"""


@pytest.fixture(scope="module")
def broken_page_url(serve_file):
    return serve_file("broken.html", BROKEN_PAGE)


def test_axe_finds_the_violations(page, broken_page_url):
    page.goto(broken_page_url)
    found = {violation["id"] for violation in gate.axe_violations(page)}
    assert {"html-has-lang", "image-alt", "color-contrast", "link-name", "label"} <= found


def test_the_nu_html_checker_finds_the_errors():
    errors = gate.vnu_errors({"broken": BROKEN_PAGE})["broken"]
    assert any("title" in error for error in errors), errors
    assert any("Duplicate ID" in error for error in errors), errors


def test_lighthouse_scores_it_below_the_gate_and_sees_it_shift(broken_page_url, tmp_path):
    report = gate.lighthouse(broken_page_url, "mobile", tmp_path)
    scores = gate.lighthouse_scores(report)
    failing = gate.failing_scores(scores)
    assert {"accessibility", "seo"} <= set(failing), scores
    assert gate.layout_shift(report) > gate.LIGHTHOUSE_MAX_LAYOUT_SHIFT
