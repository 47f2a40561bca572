from django.test import override_settings
from django.urls import reverse
from wagtail_localize.models import Translation

from kronika.news.models import ArticlePage
from kronika.testing import body, dashboard_panels, publish_article
from kronika.translations.tests.support import TranslatingPaper


class TranslationWorkflowTests(TranslatingPaper):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.article = publish_article(
            cls.news,
            "Bridge reopens",
            standfirst="Traffic returns to the old town.",
            body=body("The bridge reopened on Monday."),
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def translated(self) -> ArticlePage:
        return self.article.get_translation(self.lithuanian)

    def test_translating_makes_a_draft_in_the_language_s_section(self):
        response = self.submit(self.article)

        page = self.translated()
        self.assertRedirects(response, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        self.assertFalse(page.live)
        self.assertEqual(page.get_parent().specific.title, "Naujienos")
        editor = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        self.assertContains(editor, "Bridge reopens")
        self.assertContains(editor, "wagtail_localize")

    def test_the_translator_s_strings_are_what_readers_of_the_language_read(self):
        self.submit(self.article)
        translation = Translation.objects.get(target_locale=self.lithuanian)
        self.translate_strings(
            translation,
            {
                "Bridge reopens": "Tiltas vėl atidarytas",
                "Traffic returns to the old town.": "Eismas grįžta į senamiestį.",
                "The bridge reopened on Monday.": "Tiltas vėl atidarytas pirmadienį.",
            },
        )
        self.publish_translation(self.translated())

        reader = self.client_class().get(self.translated().url)
        self.assertEqual(reader.status_code, 200)
        self.assertContains(reader, '<html lang="lt"')
        self.assertContains(reader, "Tiltas vėl atidarytas pirmadienį.")
        self.assertNotContains(reader, "The bridge reopened on Monday.")

    def test_a_change_to_the_original_puts_its_translations_out_of_date_until_synced(self):
        self.submit(self.article)
        self.assertEqual(self.out_of_date_panel()["heading"], "Translations out of date")

        revision = self.article.save_revision()
        revision.publish()
        panel = self.out_of_date_panel()
        self.assertEqual(panel["heading"], "Translations out of date (1)")
        self.assertIn("Bridge reopens", panel["links"])
        self.assertIn("Lietuviškai: the English original changed", panel["text"])
        report = self.client.get(reverse("translations_out_of_date"))
        self.assertContains(report, "Bridge reopens")
        exported = self.client.get(reverse("translations_out_of_date") + "?export=csv")
        header, row = b"".join(exported.streaming_content).decode().splitlines()
        self.assertEqual(header, "Original,Written in,Translation,Last synced")
        self.assertTrue(row.startswith("Bridge reopens,English,Lietuviškai,20"), row)

        sync = panel["links"]["Sync"]
        self.assertEqual(self.client.get(sync).status_code, 200)
        self.assertEqual(self.client.post(sync, {}).status_code, 302)
        self.assertEqual(self.out_of_date_panel()["heading"], "Translations out of date")
        self.assertNotContains(
            self.client.get(reverse("translations_out_of_date")), "Bridge reopens"
        )

    def test_a_draft_saved_on_a_live_original_leaves_its_translations_up_to_date(self):
        self.submit(self.article)
        self.article.title = "Bridge reopens, finally"
        self.article.save_revision()
        self.assertEqual(self.out_of_date_panel()["heading"], "Translations out of date")

    @override_settings(
        LANGUAGES=[("en", "English")], WAGTAIL_CONTENT_LANGUAGES=[("en", "English")]
    )
    def test_a_paper_in_one_language_shows_neither_the_panel_nor_the_report_in_the_menu(self):
        self.assertNotIn("translations_out_of_date", dashboard_panels(self.client))
        self.assertNotContains(self.client.get("/admin/"), "Out of sync")

    def out_of_date_panel(self) -> dict:
        return dashboard_panels(self.client)["translations_out_of_date"]
