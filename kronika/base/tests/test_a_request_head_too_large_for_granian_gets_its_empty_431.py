"""Over a real `kronika serve`: headers over the site's limit get the site's 431
page, up to the largest request head granian reads (about 512 KB at its
default --http1-buffer-size); granian refuses a larger one itself, before the
site sees it, with a 431 that has no body, as the README says.
"""

from kronika.security.tests.http_headers import fetch


def test_a_head_over_about_512_kb_gets_granians_empty_431(live_paper):
    answer = fetch(live_paper.port, "/", headers={"X-Padding": "x" * 400_000})
    assert answer.status == 431
    assert b"Request headers too large" in answer.body
    answer = fetch(live_paper.port, "/", headers={"X-Padding": "x" * 600_000})
    assert (answer.status, answer.body) == (431, b"")
