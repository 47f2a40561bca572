import time
from unittest import mock

from kronika.testing import KronikaTestCase, publish_article


class CacheHeaderTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Cached story")

    def test_reader_pages_may_be_kept_by_shared_caches(self):
        for url in ("/", "/news/", self.article.url, "/authors/alice/"):
            with self.subTest(url=url):
                cache_control = self.client.get(url)["Cache-Control"]
                self.assertIn("public", cache_control)
                self.assertIn("s-maxage=", cache_control)
                self.assertIn("stale-while-revalidate=", cache_control)

    def test_pages_for_a_logged_in_user_are_never_stored(self):
        self.client.force_login(self.editor)
        cache_control = self.client.get(self.article.url)["Cache-Control"]
        self.assertIn("private", cache_control)
        self.assertIn("no-store", cache_control)

    def test_the_admin_is_never_stored(self):
        self.assertIn("no-store", self.client.get("/admin/login/")["Cache-Control"])

    def test_a_conditional_get_is_answered_with_304(self):
        first = self.client.get(self.article.url)
        self.assertTrue(first.has_header("ETag"))
        again = self.client.get(self.article.url, HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertEqual(again.status_code, 304)

    def test_a_page_whose_form_token_changed_is_still_unchanged(self):
        first = self.client.get(self.article.url)
        self.assertIn('data-volatile id="id_started"', first.content.decode())
        self.assertTrue(first["ETag"].startswith('W/"'))
        with mock.patch("time.time", return_value=time.time() + 3600):
            later = self.client.get(self.article.url, HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertEqual(later.status_code, 304)
