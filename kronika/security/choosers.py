"""Snippet choosers only for those with a permission on what they list.

Wagtail opens every snippet's chooser to anyone on the admin, since choosing is
how a page links to a snippet. Kronika links nothing to reader comments, blocked
commenters or Telegram channels, and their choosers would list readers' email
addresses and the paper's channels to every reporter.
"""

import functools

from django.core.exceptions import PermissionDenied
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.utils.urlpatterns import decorate_urlpatterns

ANY_ACTION = ("add", "change", "delete", "view")


class PermittedUsersChooserViewSet(SnippetChooserViewSet):
    def get_urlpatterns(self):
        def for_permitted_users(view):
            @functools.wraps(view)
            def checked(request, *args, **kwargs):
                policy = policy_registry.get_by_type(self.model)
                if not policy.user_has_any_permission(request.user, ANY_ACTION):
                    raise PermissionDenied
                return view(request, *args, **kwargs)

            return checked

        return decorate_urlpatterns(super().get_urlpatterns(), for_permitted_users)
