"""Lighthouse scores at least 95 in every category, on mobile and desktop, and
measures a Cumulative Layout Shift of at most 0.02, on one reader page of each
template; the scores, the shifts and the article's page weight are kept in
var/lighthouse/summary.json.

A Lighthouse run takes about 20 s on a two-core machine, so the gate measures
one page per template, and the article in each of the demo's other languages
(issue 23), rather than every page it checks otherwise: the tag and
author pages are the section page's list (news/includes/article_list.html),
Lighthouse refuses to measure a page answered with 404, and the search page is
kept out of search engines on purpose (noindex), which Lighthouse's SEO score
counts against it.
"""

import json
from pathlib import Path

import pytest

from e2e import gate
from e2e.tests.pages import gate_pages
from kronika.testing_over_http import fetch

OUTPUT = Path("var/lighthouse")
SUMMARY = OUTPUT / "summary.json"
MEASURED = ["home", "section", "article", "about", "article-lt", "article-ru"]


@pytest.fixture(scope="module")
def summary():
    results: dict = {"scores": {}, "layout_shift": {}, "article_page_weight_kb": None}
    yield results
    OUTPUT.mkdir(parents=True, exist_ok=True)
    tmp = SUMMARY.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, indent=2))
    tmp.replace(SUMMARY)


@pytest.mark.parametrize("preset", ["mobile", "desktop"])
@pytest.mark.parametrize("kind", MEASURED)
def test_lighthouse_scores_at_least_95_everywhere_and_nothing_shifts(demo, summary, kind, preset):
    url = gate_pages(demo.base_url)[kind]
    assert fetch(url)[0] == 200, f"{kind}: {url} does not answer 200"
    report = gate.lighthouse(url, preset, OUTPUT / kind)
    scores = gate.lighthouse_scores(report)
    shift = gate.layout_shift(report)
    summary["scores"].setdefault(kind, {})[preset] = scores
    summary["layout_shift"].setdefault(kind, {})[preset] = shift
    if kind == "article" and preset == "mobile":
        summary["article_page_weight_kb"] = gate.page_weights_kb(report)
    assert set(scores) == set(gate.LIGHTHOUSE_CATEGORIES)
    assert gate.failing_scores(scores) == {}, f"{kind} on {preset}: {scores}"
    assert shift <= gate.LIGHTHOUSE_MAX_LAYOUT_SHIFT, f"{kind} on {preset}: CLS {shift}"
