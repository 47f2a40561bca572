"""Two-factor authentication (wagtail-2fa, TOTP from django-otp), fitted to Kronika.

Every staff member may add an authenticator app under Account → Manage your
2FA devices; whoever has a device is asked for a code at every sign-in. Holders
of `wagtailadmin.enable_2fa` (the Editors, and administrators, who hold every
permission) must set one up before using the admin while KRONIKA_2FA_REQUIRED
is on. Switching it off only stops requiring devices: existing ones still count.
"""

import django_otp
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django_otp.forms import otp_verification_failed
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa import forms, utils, views
from wagtail_2fa.middleware import VerifyUserMiddleware, VerifyUserPermissionsMiddleware

from kronika.accounts import events


class TwoFactorMiddleware(VerifyUserPermissionsMiddleware):
    """wagtail-2fa's per-permission middleware, with enforcement switchable.

    wagtail-2fa's own switch (WAGTAIL_2FA_REQUIRED) turns every device off with
    it; Kronika keeps that on and switches only the duty to have one.
    """

    def process_request(self, request):
        response = super().process_request(request)
        # Read by wagtail-2fa's menu hook, which hides the menu from whoever must set up 2FA.
        request.user.enable_2fa = request.user.enable_2fa and settings.KRONIKA_2FA_REQUIRED
        return response

    def _require_verified_user(self, request):
        if not VerifyUserMiddleware._require_verified_user(self, request):
            return False
        if django_otp.user_has_device(request.user, confirmed=True):
            return True
        return settings.KRONIKA_2FA_REQUIRED and request.user.has_perm("wagtailadmin.enable_2fa")


class TokenForm(forms.TokenForm):
    """The code asked for at sign-in, checked against the user's own devices.

    django-otp 1.7 verifies a code only against a device the form names, and
    wagtail-2fa's form names none, so every code would be refused. A staff
    member's devices are all TOTP apps, so each may be tried; a wrong code
    counts against every one of them (django-otp's growing delay).
    """

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        token = self.fields["otp_token"]
        token.label = "Code from your authenticator app"
        token.widget.attrs.update(inputmode="numeric", autocomplete="one-time-code")

    def _verify_token(self, user, token, device=None):
        if device is not None:
            return super()._verify_token(user, token, device)
        devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
        allowed = [device for device in devices if device.verify_is_allowed()[0]]
        if devices and not allowed:
            raise ValidationError(
                self.otp_error_messages["verification_not_allowed"], code="throttled"
            )
        for device in allowed:
            if device.verify_token(token):
                return device
        otp_verification_failed.send(sender=self.__class__, user=user)
        raise ValidationError(self.otp_error_messages["invalid_token"], code="invalid_token")


class LoginView(views.LoginView):
    form_class = TokenForm

    def form_invalid(self, form):
        events.log("2fa_failed", self.request, self.request.user.get_username())
        return super().form_invalid(form)


class DeviceQRCodeView(views.DeviceQRCodeView):
    """The QR code of the device being set up, drawn here as SVG: nothing is fetched elsewhere."""

    def get(self, request):
        if utils.get_unconfirmed_device(request.user) is None:
            raise Http404("No device is being set up.")
        return super().get(request)


class DeviceDeleteView(views.DeviceDeleteView):
    """wagtail-2fa's, answering an unknown device with 404 instead of an error."""

    def dispatch(self, request, *args, **kwargs):
        if not TOTPDevice.objects.filter(pk=kwargs["pk"]).exists():
            raise Http404("No such device.")
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        # wagtail-2fa reads the user from the posted form, which a forged post may leave out.
        return reverse("wagtail_2fa_device_list", kwargs={"user_id": self.object.user_id})
