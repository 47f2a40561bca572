"""Editors choose the admin's language in their account; Wagtail speaks it where it can."""

from wagtail.users.models import UserProfile

from kronika.testing import KronikaTestCase


class AdminLanguageTests(KronikaTestCase):
    def admin_in(self, language: str):
        profile = UserProfile.get_for_user(self.editor)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(self.editor)
        return self.client.get("/admin/pages/", follow=True)

    def test_an_editor_who_chose_lithuanian_gets_the_admin_in_lithuanian(self):
        response = self.admin_in("lt")
        self.assertContains(response, '<html lang="lt"')
        self.assertContains(response, "Puslapiai")

    def test_an_editor_who_chose_russian_gets_the_admin_in_russian(self):
        response = self.admin_in("ru")
        self.assertContains(response, '<html lang="ru"')
        self.assertContains(response, "Страницы")

    def test_the_choice_is_each_editor_s_own(self):
        self.admin_in("ru")
        self.client.force_login(self.reporter)
        response = self.client.get("/admin/pages/", follow=True)
        self.assertContains(response, '<html lang="en"')

    def test_any_language_wagtail_speaks_may_be_chosen_not_only_the_paper_s(self):
        self.client.force_login(self.editor)
        account = self.client.get("/admin/account/")
        # Estonian, say, which Wagtail speaks (it has no Latvian).
        self.assertContains(account, '<option value="et"')
        self.assertContains(account, '<option value="uk"')
