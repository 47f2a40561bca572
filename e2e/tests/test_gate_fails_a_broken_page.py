"""The gate is only worth something if it fails: a deliberately broken page must be
caught by axe-core, by the Nu Html Checker and by Lighthouse."""

import pytest

from e2e import gate

BROKEN_PAGE = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"></head>
<body>
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


def test_lighthouse_scores_it_below_the_gate(broken_page_url, tmp_path):
    scores = gate.lighthouse_scores(gate.lighthouse(broken_page_url, "mobile", tmp_path))
    failing = gate.failing_scores(scores)
    assert {"accessibility", "seo"} <= set(failing), scores
