"""Lighthouse scores at least 95 in every category, on mobile and desktop, for the
home page and an article; the scores and the article's page weight are kept in
var/lighthouse/summary.json."""

import json
from pathlib import Path

import pytest

from e2e import gate
from e2e.tests.pages import gate_pages

OUTPUT = Path("var/lighthouse")
SUMMARY = OUTPUT / "summary.json"


@pytest.fixture(scope="module")
def summary():
    results: dict = {"scores": {}, "article_page_weight_kb": None}
    yield results
    OUTPUT.mkdir(parents=True, exist_ok=True)
    tmp = SUMMARY.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, indent=2))
    tmp.replace(SUMMARY)


@pytest.mark.parametrize("preset", ["mobile", "desktop"])
@pytest.mark.parametrize("kind", ["article", "home"])
def test_lighthouse_scores_at_least_95_everywhere(demo, summary, kind, preset):
    report = gate.lighthouse(gate_pages(demo.base_url)[kind], preset, OUTPUT / kind)
    scores = gate.lighthouse_scores(report)
    summary["scores"].setdefault(kind, {})[preset] = scores
    if kind == "article" and preset == "mobile":
        summary["article_page_weight_kb"] = gate.page_weights_kb(report)
    assert set(scores) == set(gate.LIGHTHOUSE_CATEGORIES)
    assert gate.failing_scores(scores) == {}, f"{kind} on {preset}: {scores}"
