"""A report of articles by their readers' ratings, for the newsroom."""

from django.db.models import F, FloatField
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from kronika.base.reports import PermittedMenuItem, report_urls
from kronika.news.models import ArticlePage
from kronika.news.slots import AFTER_BODY, PAGE_SLOTS, Slot

PERMISSION = "ratings.view_rating"


class AverageColumn(Column):
    def get_value(self, instance):
        return f"{instance.rating_average:.2f}"


class RatingsReportView(ReportView):
    page_title = "Ratings"
    header_icon = "pick"
    index_url_name = "ratings_report"
    index_results_url_name = "ratings_report_results"
    default_ordering = "-rating_average"
    list_export = ["title", "rating_average", "rating_count", "first_published_at"]
    export_headings = {"rating_average": "Average stars", "rating_count": "Ratings"}
    columns = [
        TitleColumn(
            "title",
            label="Article",
            get_url=lambda article: reverse("wagtailadmin_pages:edit", args=[article.pk]),
        ),
        AverageColumn("rating_average", label="Average stars", sort_key="rating_average"),
        Column("rating_count", label="Ratings", sort_key="rating_count"),
        Column("first_published_at", label="Published", sort_key="first_published_at"),
    ]

    def get_base_queryset(self):
        return (
            # From the sums kept on each article (kronika.ratings.counting).
            ArticlePage.objects.filter(rating_count__gt=0)
            .annotate(rating_average=Cast("rating_stars", FloatField()) / F("rating_count"))
            .only("title", "first_published_at", "rating_count")
        )

    def order_queryset(self, queryset):
        # Ties in the chosen order fall back to the most rated, then the newest.
        return queryset.order_by(self.ordering, "-rating_count", "-first_published_at", "pk")


@hooks.register("register_admin_urls")
def register_ratings_report_urls():
    return report_urls("ratings", "ratings_report", RatingsReportView, PERMISSION)


@hooks.register("register_reports_menu_item")
def register_ratings_report_menu_item():
    return PermittedMenuItem(
        "Ratings",
        reverse("ratings_report"),
        name="ratings",
        icon_name="pick",
        order=950,
        permission=PERMISSION,
    )


@hooks.register(PAGE_SLOTS)
def article_rating():
    return [Slot(AFTER_BODY, "ratings/in_article.html")]
