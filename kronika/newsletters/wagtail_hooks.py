from django import forms
from django.conf import settings
from django.db.models import Count
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kronika.news.slots import BEFORE_NAV, FRONT_END, PAGE_SLOTS, Slot
from kronika.newsletters.models import Newsletter


@hooks.register(PAGE_SLOTS)
def signup_form():
    # After every article, beside the paper's other channels, and on the front page.
    return [
        Slot(BEFORE_NAV, "newsletters/signup.html"),
        Slot(FRONT_END, "newsletters/signup.html"),
    ]


class NewsletterViewSet(SnippetViewSet):
    model = Newsletter
    icon = "mail"
    menu_label = "Newsletters"
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "name",
        "kind",
        Column("language_name", label="Language"),
        BooleanColumn("offered", label="On the form"),
        Column("subscriber_count", label="Subscribers", sort_key="subscriber_count"),
    ]
    list_filter = ["kind", "language", "offered"]
    ordering = ["language", "order", "pk"]

    def get_queryset(self, request):
        return Newsletter.objects.annotate(subscriber_count=Count("subscribers"))

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("section"),
        FieldPanel("language", widget=forms.Select(choices=settings.LANGUAGES)),
        FieldPanel("description"),
        FieldPanel("offered"),
        FieldPanel("order"),
    ]


register_snippet(NewsletterViewSet)
