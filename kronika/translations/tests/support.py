"""A paper with its home page and News section in Lithuanian, where articles are translated."""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from kronika.testing import KronikaTestCase, translate


class TranslatingPaper(KronikaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.lithuanian = Locale.objects.get(language_code="lt")
        translate(cls.home, "lt", title="Pradžia")
        translate(cls.news, "lt", title="Naujienos", slug="naujienos")

    def submit(self, page, *locales):
        """Translate `page` into `locales` as the admin's Translate form does."""
        return self.client.post(
            reverse("wagtail_localize:submit_page_translation", args=(page.pk,)),
            {"locales": [locale.pk for locale in locales or (self.lithuanian,)]},
        )

    def translate_strings(self, translation: Translation, translated: dict[str, str]):
        """Type each of `translated`'s texts over its original, as the translation editor does."""
        for segment in StringSegment.objects.filter(source=translation.source):
            text = translated.get(segment.string.data)
            if text is None:
                continue
            response = self.client.put(
                reverse(
                    "wagtail_localize:edit_string_translation",
                    args=(translation.pk, segment.pk),
                ),
                urlencode({"value": text}),
                content_type="application/x-www-form-urlencoded",
            )
            self.assertIn(response.status_code, (200, 201), response.content)

    def publish_translation(self, page):
        # wagtail-localize publishes once its transaction commits.
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=(page.pk,)), {"action": "publish"}
            )
        self.assertEqual(response.status_code, 302)
