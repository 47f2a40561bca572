"""The report of translations out of date, with a link to sync each original."""

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from kronika.translations.sources import out_of_date, sync_address


class OutOfDateReportView(ReportView):
    page_title = "Translations out of date"
    header_icon = "site"
    index_url_name = "translations_out_of_date"
    index_results_url_name = "translations_out_of_date_results"
    list_export = [
        "source.object_repr",
        "source.locale",
        "target_locale",
        "source.last_updated_at",
    ]
    export_headings = {
        "source.object_repr": "Original",
        "source.locale": "Written in",
        "target_locale": "Translation",
        "source.last_updated_at": "Last synced",
    }
    columns = [
        TitleColumn(
            "original",
            label="Original",
            accessor=lambda t: t.source.object_repr,
            get_url=lambda t: t.source.get_source_instance_edit_url(),
        ),
        Column(
            "original_language",
            label="Written in",
            accessor=lambda t: t.source.locale.get_display_name(),
        ),
        TitleColumn(
            "language",
            label="Translation",
            accessor=lambda t: t.target_locale.get_display_name(),
            get_url=lambda t: t.get_target_instance_edit_url(),
        ),
        DateColumn("last_synced", label="Last synced", accessor="source.last_updated_at"),
        TitleColumn(
            "sync",
            label="Sync",
            accessor=lambda t: "Sync translations",
            get_url=lambda t: sync_address(t.source_id),
        ),
    ]

    def get_queryset(self):
        return out_of_date(self.request.user)
