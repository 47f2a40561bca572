"""deploy/nginx.conf as shipped, in front of `kronika serve`: long addresses and headers.

nginx passes on every address up to 65,521 bytes, a little under the longest
that granian reads, so a search up to the site's limit gets its results page
and a longer one the site's 414 page; nginx answers a longer address still
with its own 414 page, and never passes on one that granian would refuse with
an empty answer. A header line too large for the site reaches it too, which
answers with its 431 page, unless it is too large for nginx's buffers.
"""

from kronika.request_limits import SEARCH_QUERY_LIMIT
from kronika.security.tests.http_headers import fetch
from kronika.security.tests.nginx_front import NginxInFrontTestCase

# The longest request target nginx passes on with 64k header buffers: the
# request line ("GET ", the target, " HTTP/1.1" and CRLF) fills one buffer.
NGINX_ADDRESS_LIMIT = 65_536 - len("GET ") - len(" HTTP/1.1\r\n")
SEARCH = "/search/?"


class NginxLongRequestsTests(NginxInFrontTestCase):
    def search(self, query_bytes: int):
        return fetch(self.port, SEARCH + "q=" + "a" * (query_bytes - len("q=")))

    def test_a_query_as_long_as_the_sites_limit_gets_its_results_page(self):
        answer = self.search(SEARCH_QUERY_LIMIT)
        self.assertEqual(answer.status, 200)
        self.assertIn(b"<title>Search: aaaa", answer.body)

    def test_a_longer_query_gets_the_sites_414_page_up_to_nginxs_limit(self):
        for query_bytes in (SEARCH_QUERY_LIMIT + 1, NGINX_ADDRESS_LIMIT - len(SEARCH)):
            with self.subTest(query_bytes=query_bytes):
                answer = self.search(query_bytes)
                self.assertEqual(answer.status, 414)
                self.assertIn(b"longer than this site accepts", answer.body)

    def test_a_longer_address_gets_nginxs_own_414_page(self):
        for query_bytes in (NGINX_ADDRESS_LIMIT - len(SEARCH) + 1, 70_000):
            with self.subTest(query_bytes=query_bytes):
                answer = self.search(query_bytes)
                self.assertEqual(answer.status, 414)
                self.assertIn(b"414 Request-URI Too Large", answer.body)

    def test_a_header_line_over_the_sites_limit_gets_its_431_page(self):
        answer = fetch(self.port, "/", headers={"X-Padding": "x" * 40_000})
        self.assertEqual(answer.status, 431)
        self.assertIn(b"Request headers too large", answer.body)

    def test_a_header_line_longer_than_nginxs_buffer_gets_nginxs_own_400_page(self):
        answer = fetch(self.port, "/", headers={"X-Padding": "x" * 70_000})
        self.assertEqual(answer.status, 400)
        self.assertIn(b"Request Header Or Cookie Too Large", answer.body)
