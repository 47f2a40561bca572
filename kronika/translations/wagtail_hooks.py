from django.urls import reverse
from wagtail import hooks

from kronika.base.languages import multilingual
from kronika.base.reports import PermittedMenuItem, report_urls
from kronika.translations import dashboard
from kronika.translations.report import OutOfDateReportView
from kronika.translations.sources import TRANSLATE


@hooks.register("register_admin_urls")
def register_out_of_date_report():
    return report_urls(
        "translations-out-of-date", "translations_out_of_date", OutOfDateReportView, TRANSLATE
    )


class TranslationsMenuItem(PermittedMenuItem):
    """Shown to those who translate, where the paper has more than one language."""

    def is_shown(self, request):
        return multilingual() and super().is_shown(request)


@hooks.register("register_reports_menu_item")
def register_out_of_date_menu_item():
    # Beside wagtail-localize's "Translations", and short enough for the sidebar.
    return TranslationsMenuItem(
        "Out of sync",
        reverse("translations_out_of_date"),
        name="translations-out-of-date",
        icon_name="site",
        order=970,
        permission=TRANSLATE,
    )


hooks.register("construct_homepage_panels", dashboard.add_panel)
