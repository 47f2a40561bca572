"""wagtail-2fa's admin integration, done here: its own wagtail_hooks module no longer
imports on Wagtail 8 (wagtail.users.widgets is gone), so the wagtail_2fa app is not
installed and Kronika registers its views, menus and permission itself."""

from django.contrib.auth.models import Permission
from django.urls import path, re_path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail_2fa import views

from kronika.accounts import two_factor


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("2fa/auth", two_factor.LoginView.as_view(), name="wagtail_2fa_auth"),
        re_path(
            r"^2fa/devices/(?P<user_id>\d+)$",
            views.DeviceListView.as_view(),
            name="wagtail_2fa_device_list",
        ),
        path("2fa/devices/new", views.DeviceCreateView.as_view(), name="wagtail_2fa_device_new"),
        re_path(
            r"^2fa/devices/(?P<pk>\d+)/update$",
            views.DeviceUpdateView.as_view(),
            name="wagtail_2fa_device_update",
        ),
        re_path(
            r"^2fa/devices/(?P<pk>\d+)/remove$",
            two_factor.DeviceDeleteView.as_view(),
            name="wagtail_2fa_device_remove",
        ),
        re_path(
            r"^2fa/devices/qr-code$",
            two_factor.DeviceQRCodeView.as_view(),
            name="wagtail_2fa_device_qrcode",
        ),
    ]


@hooks.register("construct_main_menu")
def only_two_factor_setup_until_verified(request, menu_items):
    """Whoever must set up a device, or has one and has not yet given its code, sees only 2FA."""
    user = request.user
    if getattr(user, "enable_2fa", False) and not user.is_verified():
        menu_items[:] = [
            MenuItem("2FA Setup", reverse("wagtail_2fa_device_list", kwargs={"user_id": user.pk}))
        ]


@hooks.register("register_account_menu_item")
def manage_two_factor_devices(request):
    return {
        "url": reverse("wagtail_2fa_device_list", kwargs={"user_id": request.user.pk}),
        "label": "Manage your 2FA devices",
        "help_text": "Add or remove the authenticator apps that give your sign-in codes.",
    }


@hooks.register("register_user_listing_buttons")
def manage_someones_two_factor(user, request_user):
    # Only administrators may see and remove another person's devices (wagtail-2fa's rule).
    if request_user.is_superuser:
        yield Button(
            "Manage 2FA",
            reverse("wagtail_2fa_device_list", kwargs={"user_id": user.pk}),
            priority=100,
        )


@hooks.register("register_permissions")
def two_factor_permission():
    return Permission.objects.filter(content_type__app_label="wagtailadmin", codename="enable_2fa")
