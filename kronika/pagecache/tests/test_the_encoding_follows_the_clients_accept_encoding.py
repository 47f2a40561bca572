"""Brotli when the client's Accept-Encoding allows it, else gzip, else the page as it
is; q-values are honoured, and every compressible answer says it varies with
Accept-Encoding, including the one sent to a client that asked for no encoding.
"""

from django.test import SimpleTestCase

from kronika.pagecache.compression import negotiate
from kronika.testing import KronikaTestCase, decoded, publish_article, without_page_cache

CHOICES = {
    "": "identity",
    "gzip": "gzip",
    "x-gzip": "gzip",
    "gzip, deflate, br, zstd": "br",
    "br": "br",
    "BR, GZIP": "br",
    "br;q=0, gzip": "gzip",
    "br;q=0.5, gzip": "gzip",
    "br;q=0.5, gzip;q=0.5": "br",
    "gzip;q=0": "identity",
    "*": "br",
    "*;q=0.1, br;q=0": "gzip",
    "deflate, zstd": "identity",
    "identity": "identity",
    "gzip;q=nonsense": "identity",
    "br;q=2": "identity",
}


class NegotiationTests(SimpleTestCase):
    def test_each_header_gets_the_coding_it_prefers_most(self):
        for header, coding in CHOICES.items():
            with self.subTest(header=header):
                self.assertEqual(negotiate(header), coding)

    def test_a_personal_answer_offers_gzip_alone(self):
        self.assertEqual(negotiate("br, gzip", ("gzip",)), "gzip")
        self.assertEqual(negotiate("br", ("gzip",)), "identity")


class AcceptEncodingOverHttpTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Harbour reopens")

    def test_a_client_without_accept_encoding_gets_the_page_as_it_is(self):
        with without_page_cache():
            plain = self.client.get(self.article.url)
        self.assertNotIn("Content-Encoding", plain)
        self.assertIn("Accept-Encoding", plain["Vary"])
        self.assertIn(b"Harbour reopens", plain.content)
        self.assertEqual(plain["Content-Length"], str(len(plain.content)))

    def test_each_client_gets_its_preferred_coding_and_the_same_page(self):
        with without_page_cache():
            for header, coding in (("gzip", "gzip"), ("gzip, br", "br"), ("br;q=0, gzip", "gzip")):
                with self.subTest(header=header):
                    answer = self.client.get(self.article.url, headers={"Accept-Encoding": header})
                    self.assertEqual(answer["Content-Encoding"], coding)
                    self.assertIn("Accept-Encoding", answer["Vary"])
                    self.assertIn(b"Harbour reopens", decoded(answer.content, coding))
