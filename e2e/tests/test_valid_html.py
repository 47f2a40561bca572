"""The Nu Html Checker finds no error on any kind of reader page."""

from e2e import gate
from e2e.tests.pages import gate_pages
from kronika.testing_over_http import fetch


def test_every_kind_of_page_is_valid_html(demo):
    answers = {kind: fetch(url) for kind, url in gate_pages(demo.base_url).items()}
    statuses = {kind: status for kind, (status, _) in answers.items()}
    assert statuses == {kind: 404 if kind == "404" else 200 for kind in answers}
    documents = {kind: html for kind, (_, html) in answers.items()}
    assert all(documents.values())
    errors = gate.vnu_errors(documents)
    assert {kind: found for kind, found in errors.items() if found} == {}
