from django import forms
from django.conf import settings
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kronika.base.reports import PermittedMenuItem, report_urls
from kronika.news.editing import TEXT_LIMITS
from kronika.news.editor_panels import SETTINGS_PANELS, ArticleChoicePanel
from kronika.news.slots import BEFORE_NAV, FOOTER, PAGE_SLOTS, SITE_HEAD, Slot
from kronika.security.choosers import PermittedUsersChooserViewSet
from kronika.telegram import dashboard, views
from kronika.telegram.models import Call, Channel
from kronika.telegram.panels import TelegramStatusPanel
from kronika.telegram.previews import caption_limits

CALLS_PERMISSION = "telegram.view_call"


class ChannelForm(WagtailAdminModelForm):
    """The bot token can be set or replaced, but it is never shown again."""

    bot_token = forms.CharField(
        required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text="From @BotFather. Leave empty to keep the saved token.",
    )

    # The paper's languages as they are configured; the column holds any code,
    # so that changing KRONIKA_LANGUAGES needs no migration.
    language = forms.ChoiceField(
        choices=settings.LANGUAGES,
        help_text="The channel gets the articles written in, or translated into, this language.",
    )

    def clean_bot_token(self):
        return self.cleaned_data["bot_token"].strip() or self.instance.bot_token

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("bot_token") and not self.instance.from_environment:
            self.add_error("bot_token", "A channel needs its bot's token.")
        return cleaned


class ChannelViewSet(SnippetViewSet):
    model = Channel
    icon = "link-external"
    menu_label = "Telegram channels"
    menu_order = 220
    add_to_admin_menu = True
    copy_view_enabled = False
    chooser_viewset_class = PermittedUsersChooserViewSet
    list_display = ["name", "chat_id", "enabled", "posts_per_minute"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("chat_id"),
            FieldPanel("bot_token"),
            FieldPanel("language"),
            FieldPanel("enabled"),
            FieldPanel("sections"),
            FieldPanel("post_template"),
            FieldPanel("withdrawal_note"),
            FieldPanel("posts_per_minute"),
        ],
        base_form_class=ChannelForm,
    )


class CallsReportView(ReportView):
    page_title = "Telegram calls"
    header_icon = "link-external"
    index_url_name = "telegram_calls"
    index_results_url_name = "telegram_calls_results"
    list_export = ["made_at", "channel", "method", "post", "status", "ok", "outcome"]
    columns = [
        Column("made_at", label="When"),
        Column("channel", label="Channel"),
        Column("method", label="Call"),
        Column("post", label="Article", accessor=lambda call: call.post and call.post.article),
        Column("status", label="HTTP"),
        Column("outcome", label="Outcome"),
        Column("duration_ms", label="ms"),
    ]

    def get_base_queryset(self):
        return Call.objects.select_related("channel", "post__article")


@hooks.register("register_admin_urls")
def register_telegram_urls():
    return [
        *report_urls("telegram", "telegram_calls", CallsReportView, CALLS_PERMISSION),
        path("telegram/posts/<int:post_id>/<slug:action>/", views.act, name="telegram_act"),
    ]


@hooks.register("register_reports_menu_item")
def register_calls_menu_item():
    return PermittedMenuItem(
        "Telegram calls",
        reverse("telegram_calls"),
        name="telegram-calls",
        icon_name="link-external",
        order=960,
        permission=CALLS_PERMISSION,
    )


register_snippet(ChannelViewSet)


@hooks.register(SETTINGS_PANELS)
def article_telegram_panels():
    return [
        ArticleChoicePanel("telegram_choices", heading="Telegram"),
        TelegramStatusPanel(heading="In the Telegram channels"),
    ]


hooks.register(TEXT_LIMITS, caption_limits)


@hooks.register(PAGE_SLOTS)
def channel_promotion():
    return [
        Slot(SITE_HEAD, "telegram/meta.html"),
        Slot(FOOTER, "telegram/footer_link.html"),
        Slot(BEFORE_NAV, "telegram/promo.html"),
    ]


# Its panel on the dashboard (kronika.news.dashboard).
hooks.register("construct_homepage_panels", dashboard.add_panel)
