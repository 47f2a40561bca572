"""Translations out of date: their original changed after they were last synced.

Shown to those who may translate, listing only translations of pages they may
edit. Each item opens the original, and offers Sync, wagtail-localize's view
that brings the original's new content to the translators.
"""

from django.urls import reverse

from kronika.base.languages import multilingual
from kronika.news.dashboard import Item, PagePanel
from kronika.translations.sources import TRANSLATE, out_of_date, sync_address


class OutOfDateTranslationsPanel(PagePanel):
    name = "translations_out_of_date"
    heading = "Translations out of date"
    order = 80
    empty = "Every translation is up to date with its original."

    def is_shown(self):
        # A paper in one language has nothing to translate.
        return multilingual() and self.user.has_perm(TRANSLATE) and super().is_shown()

    def rows(self):
        return out_of_date(self.user)

    def item(self, translation):
        source = translation.source
        return Item(
            title=source.object_repr,
            url=source.get_source_instance_edit_url(),
            note=(
                f"{translation.target_locale.get_display_name()}: "
                f"the {source.locale.get_display_name()} original changed after its last sync"
            ),
            when=source.last_updated_at,
            links=[("Sync", sync_address(source.pk))],
        )

    def more_link(self):
        return "See every translation out of date", reverse("translations_out_of_date")


def add_panel(request, panels):
    panels.append(OutOfDateTranslationsPanel(request))
