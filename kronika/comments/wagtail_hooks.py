"""The moderation queue: pending comments first, one at a time or in bulk."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from kronika.comments import dashboard
from kronika.comments.bulk_actions import ApproveBulkAction, BlockBulkAction, SpamBulkAction
from kronika.comments.models import Block, Comment
from kronika.news.editor_panels import SETTINGS_PANELS, ArticleChoicePanel
from kronika.news.slots import AFTER_NAV, HEADER, PAGE_SLOTS, Slot
from kronika.security.choosers import PermittedUsersChooserViewSet


class ModerationPolicy(ModelPermissionPolicy):
    """Comments come from readers only: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


class CommentIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        user = self.request.user
        if not self.permission_policy.user_has_permission(user, "change"):
            return buttons
        query = urlencode({"id": instance.pk, "next": self.request.get_full_path()})
        for action in (ApproveBulkAction, SpamBulkAction, BlockBulkAction):
            if action.applies_to(instance):
                url = reverse(
                    "wagtail_bulk_action", args=("comments", "comment", action.action_type)
                )
                buttons.append(
                    MenuItem(
                        action.display_name,
                        url=f"{url}?{query}",
                        icon_name=action.icon_name,
                        priority=action.action_priority,
                    )
                )
        return buttons


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Comments"
    menu_order = 210
    add_to_admin_menu = True
    copy_view_enabled = False
    chooser_viewset_class = PermittedUsersChooserViewSet
    index_view_class = CommentIndexView
    list_display = ["name", "excerpt", "article", "status", "held_because", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "email", "body"]
    ordering = ["-created_at"]
    panels = ["name", "email", "body", "status"]

    @cached_property
    def menu_url(self):
        return reverse(self.get_url_name("list")) + "?status=pending"

    @cached_property
    def menu_item_class(self):
        shown_if_permitted = super().menu_item_class

        class PendingCountMenuItem(shown_if_permitted):
            def render_component(self, request):
                component = super().render_component(request)
                pending = Comment.objects.pending().count()
                if pending:
                    # Short enough for the sidebar's width up to 9,999; the
                    # link's title says what the number counts.
                    component.label = f"{self.label} · {pending:,}"
                    waiting = f"{pending:,} waiting for moderation"
                    component.attrs = {**component.attrs, "title": waiting}
                return component

        return PendingCountMenuItem


class BlockViewSet(SnippetViewSet):
    model = Block
    icon = "cross"
    menu_label = "Blocklist"
    menu_order = 211
    add_to_admin_menu = True
    copy_view_enabled = False
    chooser_viewset_class = PermittedUsersChooserViewSet
    list_display = ["__str__", "reason", "created_at", "created_by"]
    list_filter = ["kind"]
    search_fields = ["value", "reason"]
    panels = ["kind", "value", "reason"]


register_permission_policy(Comment, ModerationPolicy(Comment))
register_snippet(CommentViewSet)
register_snippet(BlockViewSet)

for action in (ApproveBulkAction, SpamBulkAction, BlockBulkAction):
    hooks.register("register_bulk_action", action)


@hooks.register(SETTINGS_PANELS)
def article_comment_panels():
    return [ArticleChoicePanel("comment_policies", heading="Comments", label="Comment policy")]


@hooks.register(PAGE_SLOTS)
def article_comments():
    return [
        Slot(HEADER, "comments/count_link.html"),
        Slot(AFTER_NAV, "comments/in_article.html"),
    ]


# Its panel on the dashboard (kronika.news.dashboard).
hooks.register("construct_homepage_panels", dashboard.add_panel)
