"""How long a search may be, over a real `kronika serve` (granian), as the README says.

A query of up to the site's limit gets its results page; a longer one gets
the site's readable 414 page, up to the longest address granian reads; an
address longer still is refused by granian itself, before the site sees it,
with a 414 that has no body.
"""

from kronika.request_limits import SEARCH_QUERY_LIMIT
from kronika.security.tests.http_headers import Answer, fetch

# The longest request target granian's HTTP library (hyper) accepts.
GRANIAN_ADDRESS_LIMIT = 65_534
SEARCH = "/search/?"


def search(server, query_bytes: int) -> Answer:
    return fetch(server.port, SEARCH + "q=" + "a" * (query_bytes - len("q=")))


def test_a_query_as_long_as_the_sites_limit_gets_its_results_page(live_paper):
    answer = search(live_paper, SEARCH_QUERY_LIMIT)
    assert answer.status == 200
    assert b"<title>Search: aaaa" in answer.body
    assert answer.body.rstrip().endswith(b"</html>")


def test_a_longer_query_gets_the_sites_414_page_up_to_granians_limit(live_paper):
    for query_bytes in (SEARCH_QUERY_LIMIT + 1, GRANIAN_ADDRESS_LIMIT - len(SEARCH)):
        answer = search(live_paper, query_bytes)
        assert answer.status == 414, query_bytes
        assert b"The address you followed is longer than this site accepts." in answer.body
        assert answer.header("X-Content-Type-Options") == "nosniff"
        assert "frame-ancestors 'none'" in answer.header("Content-Security-Policy")


def test_granian_refuses_a_longer_address_itself_with_an_empty_414(live_paper):
    for query_bytes in (GRANIAN_ADDRESS_LIMIT - len(SEARCH) + 1, 70_000, 200_000):
        answer = search(live_paper, query_bytes)
        assert (answer.status, answer.body) == (414, b""), query_bytes
