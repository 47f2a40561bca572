import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import TestCase

from bench import crawl


class Paper(BaseHTTPRequestHandler):
    """Answers /ok/… with a page and anything else with a 404, noting what it was asked."""

    protocol_version = "HTTP/1.1"
    seen: Counter
    headers_seen: list

    def do_GET(self):
        self.seen[self.path] += 1
        self.headers_seen.append(dict(self.headers))
        status, body = (200, b"<html>page</html>") if self.path.startswith("/ok/") else (404, b"")
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class CrawlTests(TestCase):
    def setUp(self):
        Paper.seen, Paper.headers_seen = Counter(), []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Paper)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.addCleanup(self.server.server_close)
        self.addCleanup(self.server.shutdown)

    def test_each_url_is_fetched_once_as_a_crawler_and_each_404_is_an_error(self):
        paths = [f"/ok/{number}/" for number in range(200)] + ["/gone/1/", "/gone/2/"]
        figures = crawl.crawl("127.0.0.1", self.server.server_port, paths, concurrency=8)

        self.assertEqual(Paper.seen, Counter(paths))
        self.assertEqual(figures["requests"], 202)
        self.assertEqual(figures["errors_by_status"], {"404": 2})
        self.assertEqual(sorted(figures["examples"]["404"]), ["/gone/1/", "/gone/2/"])
        for headers in Paper.headers_seen:
            self.assertIn("Googlebot", headers["User-Agent"])
            self.assertEqual(headers["Accept-Encoding"], "gzip")
            self.assertNotIn("Cookie", headers)
        [message] = crawl.regressions(figures)
        self.assertIn("2 of 202 answers were 404", message)
        self.assertIn("/gone/1/", message)

    def test_a_clean_crawl_reports_no_regression(self):
        paths = [f"/ok/{number}/" for number in range(20)]
        figures = crawl.crawl("127.0.0.1", self.server.server_port, paths, concurrency=3)
        self.assertEqual(figures["errors"], 0)
        self.assertEqual(crawl.regressions(figures), [])
