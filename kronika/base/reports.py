"""The wiring every newsroom report shares: its addresses and its menu item, for those allowed.

A report is a Wagtail ReportView at reports/<address>/ (and its results at
reports/<address>/results/), listed under Reports for the users who hold
its permission, and refused with a 403 to anyone else.
"""

from django.contrib.auth.decorators import permission_required
from django.urls import path
from wagtail.admin.menu import MenuItem


class PermittedMenuItem(MenuItem):
    """A menu item shown only to users who hold `permission`."""

    def __init__(self, *args, permission: str, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def report_urls(address: str, name: str, view, permission: str) -> list:
    """The report's page and its results, named `name` and `name`_results."""
    allowed = permission_required(permission, raise_exception=True)
    return [
        path(f"reports/{address}/", allowed(view.as_view()), name=name),
        path(
            f"reports/{address}/results/",
            allowed(view.as_view(results_only=True)),
            name=f"{name}_results",
        ),
    ]
