"""One log line per staff account event, on the `kronika.accounts` logger.

Sign-ins, failures, lockouts and sign-outs are logged by the throttle
(kronika.accounts.throttle), which knows the counts; failed two-factor codes by
the two-factor view (kronika.accounts.two_factor); password changes,
deactivations and two-factor devices by the receivers below. A line names the
event, the account as typed (quoted, so a name cannot forge a second line) and
the client address; never a password, a token or a one-time code.
"""

import logging

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice

from kronika.base.readers import client_ip

logger = logging.getLogger("kronika.accounts")

# Longer names are cut: anything typed into the username field ends up here.
MAX_NAME = 150


def log(event: str, request, username: str | None, **fields) -> None:
    name = None if username is None else str(username)[:MAX_NAME]
    client = client_ip(request) if request is not None else ""
    details = "".join(f" {key}={value}" for key, value in fields.items())
    logger.info(
        "%s user=%s client=%s%s",
        event,
        _quoted(name),
        client or "-",
        details,
        extra={"event": event, "username": name, "client": client, **fields},
    )


def _quoted(name: str | None) -> str:
    if name is None:
        return "-"
    # ascii() escapes newlines and every other control or non-ASCII character.
    return ascii(name)


User = get_user_model()


def _loaded(instance, *fields) -> tuple:
    # Read from __dict__: a field left out of the query (.only(), .defer()) would
    # otherwise be fetched, one query per instance, just to be remembered.
    return tuple(instance.__dict__.get(field) for field in fields)


@receiver(post_init, sender=User)
def remember_what_was_loaded(sender, instance, **kwargs):
    instance._kronika_loaded = _loaded(instance, "password", "is_active")


@receiver(post_save, sender=User)
def log_password_and_activity_changes(sender, instance, created, **kwargs):
    password, active = instance._kronika_loaded
    now_password, now_active = _loaded(instance, "password", "is_active")
    if not created:
        if None not in (password, now_password) and now_password != password:
            log("password_changed", None, instance.get_username())
        if active and now_active is False:
            log("account_deactivated", None, instance.get_username())
    instance._kronika_loaded = (now_password, now_active)


@receiver(post_init, sender=TOTPDevice)
def remember_whether_confirmed(sender, instance, **kwargs):
    (instance._kronika_confirmed,) = _loaded(instance, "confirmed")


@receiver(post_save, sender=TOTPDevice)
def log_two_factor_device_added(sender, instance, **kwargs):
    # A device is saved on every verification too; only its confirmation is news.
    if instance.confirmed and not instance._kronika_confirmed:
        log("2fa_device_added", None, instance.user.get_username(), device=instance.pk)
    instance._kronika_confirmed = instance.confirmed


@receiver(post_delete, sender=TOTPDevice)
def log_two_factor_device_removed(sender, instance, **kwargs):
    if instance.confirmed:
        log("2fa_device_removed", None, instance.user.get_username(), device=instance.pk)
