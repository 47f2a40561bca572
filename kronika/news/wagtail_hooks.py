from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kronika.news import dashboard
from kronika.news.editing import primary_action_first
from kronika.news.models import Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug", "user"]
    search_fields = ["name"]


register_snippet(AuthorViewSet)


@hooks.register("before_move_page")
def refuse_a_move_the_user_may_not_make(request, page, destination):
    # Wagtail 8.0 checks the move only when it is made: its confirmation page
    # would show any page's draft title, and the destination's, to anyone on the admin.
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


# The newsroom's dashboard (kronika.news.dashboard); features add their own panels.
hooks.register("construct_homepage_panels", dashboard.arrange)
hooks.register("construct_page_action_menu", primary_action_first)


@hooks.register("insert_editor_js")
def article_text_counts():
    # A file, not inline script: the admin's Content-Security-Policy allows no inline script.
    return format_html('<script src="{}" defer></script>', static("news/text_counts.js"))
