"""wagtail-localize asks only for its own permission; Kronika asks for the page's too."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail_localize.models import Translation, TranslationSource

from kronika.news.models import ArticlePage
from kronika.testing import PASSWORD, publish_article
from kronika.translations.tests.support import TranslatingPaper


class TranslationRightsTests(TranslatingPaper):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(cls.news, "Council budget passes")
        cls.client_class().force_login(cls.editor)
        # A Sport desk that may translate, but holds no right on News.
        desk = Group.objects.create(name="Sport desk")
        desk.permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="submit_translation"),
        )
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.create(
                group=desk, page=cls.sport, permission=Permission.objects.get(codename=codename)
            )
        cls.sport_desk = get_user_model().objects.create_user(
            "sport", "sport@example.org", PASSWORD, is_staff=True
        )
        cls.sport_desk.groups.add(desk)

    def translate_as_editor(self):
        self.client.force_login(self.editor)
        self.submit(self.article)
        self.client.logout()
        return TranslationSource.objects.get()

    def assertRefused(self, response):
        """Wagtail's admin answers a refusal with its dashboard and a message."""
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        dashboard = self.client.get(response["Location"])
        self.assertContains(dashboard, "Sorry, you do not have permission to access this area.")

    def sync_url(self, source):
        return reverse("wagtail_localize:update_translations", args=(source.pk,))

    def test_a_page_one_may_not_edit_cannot_be_translated(self):
        self.client.force_login(self.sport_desk)
        self.assertRefused(self.submit(self.article))
        self.assertIsNone(self.article.get_translation_or_none(self.lithuanian))
        self.assertFalse(Translation.objects.exists())

    def test_one_who_may_edit_it_translates_it(self):
        self.client.force_login(self.reporter)
        self.assertEqual(self.submit(self.article).status_code, 302)
        self.assertFalse(self.article.get_translation(self.lithuanian).live)

    def test_translations_of_a_page_one_may_not_edit_cannot_be_synced(self):
        source = self.translate_as_editor()
        ArticlePage.objects.filter(pk=self.article.pk).update(title="Budget passes at last")
        self.client.force_login(self.sport_desk)
        self.assertRefused(self.client.get(self.sync_url(source)))
        self.assertRefused(self.client.post(self.sync_url(source), {}))
        source.refresh_from_db()
        self.assertEqual(source.object_repr, "Council budget passes")

    def test_syncing_and_publishing_every_translation_needs_the_right_to_publish_them(self):
        source = self.translate_as_editor()
        self.client.force_login(self.reporter)
        url = self.sync_url(source)
        self.assertRefused(self.client.post(url, {"publish_translations": "on"}))
        self.assertFalse(self.article.get_translation(self.lithuanian).live)
        self.assertEqual(self.client.post(url, {}).status_code, 302)

    def test_the_translations_report_lists_only_pages_one_may_edit(self):
        self.translate_as_editor()
        report = reverse("wagtail_localize:translations_report")
        self.client.force_login(self.sport_desk)
        self.assertNotContains(self.client.get(report), "Council budget passes")
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(report), "Council budget passes")

    def test_snippets_are_listed_only_to_those_who_may_edit_them(self):
        listing = reverse("wagtail_localize:snippets_api_listing", args=("news", "author"))
        self.client.force_login(self.sport_desk)
        self.assertEqual(self.client.get(listing).status_code, 403)
        self.client.force_login(self.editor)
        response = self.client.get(listing)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Alice Adamkienė", response.content.decode())
