"""The one authentication backend: Django's, behind the sign-in throttle."""

from axes.backends import AxesBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials, get_lockout_message
from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class ThrottledModelBackend(AxesBackend):
    """Take a place in the throttle's counts, then check the password.

    Axes' own backend only looks at the counts and leaves the password to the
    next backend; taking the place first is what keeps the counts exact when
    attempts arrive together (see kronika.accounts.throttle). A right password
    gives the place back.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        # Every sign-in form passes its request. Only code run by the site's own
        # people calls without one (Django's test client, a shell), and without a
        # request there is no client to count.
        if not settings.AXES_ENABLED or request is None:
            return ModelBackend.authenticate(self, request, username, password, **kwargs)
        credentials = get_credentials(username=username, **kwargs)
        AxesProxyHandler.update_request(request)
        throttle = AxesProxyHandler.get_implementation()
        request.kronika_login_place = throttle.take_place(request, credentials)
        if request.kronika_login_place is None:
            request.axes_locked_out = True
            request.axes_credentials = credentials
            kwargs.get("response_context", {})["error"] = get_lockout_message()
            # Django's authenticate() turns this into user_login_failed and None.
            raise AxesBackendPermissionDenied("This account or client is locked out.")
        user = ModelBackend.authenticate(self, request, username, password, **kwargs)
        if user is not None:
            throttle.give_place_back(request, credentials)
        return user
