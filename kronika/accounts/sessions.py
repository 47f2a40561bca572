"""A new session key at every sign-in.

Django changes the key when a session passes from one user (or nobody) to
another, but keeps it when the same person signs in again over their own
session. Changing it every time means no key known from before a sign-in,
however it was learned, is signed in after it.
"""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def new_session_key(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session.cycle_key()
