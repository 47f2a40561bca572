"""Which Content-Security-Policy each kind of response gets.

Readers, and everyone on a page anybody can reach (the admin's login), get the
strict policy; only signed-in staff in the admin get KRONIKA_ADMIN_CSP's
relaxations, and a preview of an unreviewed draft keeps the strict policy.
"""

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from kronika.security.tests.http_headers import policy
from kronika.testing import KronikaTestCase, publish_article

STRICT_SCRIPTS = ["'self'"]


class ContentSecurityPolicyTests(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Ferries run on time")

    def policy_of(self, path: str, user=None) -> dict[str, list[str]]:
        if user is not None:
            self.client.force_login(user)
        response = self.client.get(path)
        self.assertLess(response.status_code, 400, path)
        return policy(response["Content-Security-Policy"])

    def assert_strict(self, directives):
        self.assertEqual(directives["script-src"], STRICT_SCRIPTS)
        self.assertEqual(directives["style-src"], ["'self'"])
        for name in ("object-src", "base-uri", "frame-ancestors"):
            self.assertEqual(directives[name], ["'none'"], name)

    def test_readers_get_the_strict_policy(self):
        for path in ("/", self.news.url, self.article.url, "/search/?q=ferries", "/feeds/rss/"):
            with self.subTest(path=path):
                self.assert_strict(self.policy_of(path))

    def test_the_admin_login_keeps_the_strict_policy(self):
        self.assert_strict(self.policy_of("/admin/login/"))

    def test_signed_in_staff_get_the_relaxations_in_the_admin_only(self):
        admin = self.policy_of("/admin/", user=self.editor)
        for name, sources in settings.KRONIKA_ADMIN_CSP.items():
            self.assertEqual(admin[name], sources, name)
        self.assertNotIn("'unsafe-eval'", admin["script-src"])
        for name in ("object-src", "base-uri", "frame-ancestors"):
            self.assertEqual(admin[name], ["'none'"], name)
        self.assert_strict(self.policy_of(self.article.url))

    def test_a_reader_signed_in_gets_no_relaxation_in_the_admin(self):
        self.client.force_login(self.reader)
        response = self.client.get("/admin/")
        self.assert_strict(policy(response["Content-Security-Policy"]))

    def test_a_preview_is_strict_but_may_be_framed_by_the_admin(self):
        revision = self.article.get_latest_revision()
        path = reverse("wagtailadmin_pages:revisions_view", args=(self.article.pk, revision.pk))
        directives = self.policy_of(path, user=self.editor)
        self.assertEqual(directives["script-src"], STRICT_SCRIPTS)
        self.assertEqual(directives["frame-ancestors"], ["'self'"])

    def test_a_document_keeps_its_own_policy_with_the_sites_floor(self):
        document = get_document_model()(title="Timetable")
        document.file.save("timetable.txt", ContentFile(b"Ferries at 9."), save=False)
        document.save()
        directives = self.policy_of(document.url)
        self.assertEqual(directives["default-src"], ["'none'"])
        for name in ("object-src", "base-uri", "frame-ancestors"):
            self.assertEqual(directives[name], ["'none'"], name)
