"""BREACH: a compressed page that holds a secret next to what a request sent can leak
the secret through its length. A personal page (the admin, a signed-in reader)
therefore gets what Django's GZipMiddleware gives it, gzip padded with random
bytes, and never brotli, which has no such padding; its ETag says it is weak.
"""

import gzip

from kronika.testing import KronikaTestCase, publish_article

FNAME = 0x08  # the gzip header flag of the file name that carries the padding


class PersonalPagesTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Council meets")

    def test_the_admin_and_a_signed_in_readers_page_are_padded_gzip(self):
        self.client.force_login(self.editor)
        for url in ("/admin/", self.article.url):
            with self.subTest(url=url):
                answer = self.client.get(url, headers={"Accept-Encoding": "br, gzip"})
                self.assertEqual(answer.status_code, 200)
                self.assertIn("private", answer["Cache-Control"])
                self.assertEqual(answer["Content-Encoding"], "gzip")
                self.assertTrue(answer.content[3] & FNAME, "no random padding")
                self.assertIn(b"</html>", gzip.decompress(answer.content))
                self.assertTrue(answer["ETag"].startswith("W/"))
                self.assertTrue(answer["ETag"].endswith('-gzip"'))

    def test_a_client_that_takes_brotli_only_gets_a_personal_page_as_it_is(self):
        self.client.force_login(self.editor)
        answer = self.client.get("/admin/", headers={"Accept-Encoding": "br"})
        self.assertNotIn("Content-Encoding", answer)
        self.assertIn(b"</html>", answer.content)
