"""What the staff account tests share: signing in as a browser does, and TOTP codes."""

import re
import smtplib

from bs4 import BeautifulSoup
from django.core.mail.backends.base import BaseEmailBackend
from django_otp.oath import totp

LOGIN = "/admin/login/"


def sign_in(client, username: str, password: str, *, address: str = "192.0.2.10", **headers):
    """Post the admin's sign-in form from `address`; the response, not followed."""
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def code_for(device, steps_ahead: int = 0) -> str:
    """The code the device's authenticator app shows now, or `steps_ahead` periods later.

    A code is accepted once, so a second sign-in within the same 30 seconds uses
    the next period's code, which the device's tolerance of one step accepts.
    Periods are counted from where the device expects the app to be: a code
    typed as its period ended makes django-otp note the app as one step behind.
    """
    number = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=device.drift + steps_ahead,
    )
    return f"{number:0{device.digits}d}"


def form_data(response) -> dict:
    """What a browser would send back from the page's form as it stands."""
    form = BeautifulSoup(response.content, "html.parser").find("form", method="POST")
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") == "file":
            continue
        if field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.name == "textarea":
            data[name] = field.text
        else:
            data[name] = field.get("value", "")
    return data


def change_own_password(client, old: str, new: str):
    """Change the signed-in user's password on their account page, as they would."""
    data = form_data(client.get("/admin/account/"))
    data.update(
        {
            "name_email-first_name": data.get("name_email-first_name") or "Ed",
            "name_email-last_name": data.get("name_email-last_name") or "Itor",
            "password-old_password": old,
            "password-new_password1": new,
            "password-new_password2": new,
        }
    )
    return client.post("/admin/account/", data)


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that refuses every message, as one that is down does."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("the mail server went away")


def reset_link(message) -> str:
    """The path of the reset link in a password reset email."""
    return reset_path_in(message.body)


def reset_path_in(text: str) -> str:
    """The path of the reset link in a password reset email's text."""
    return re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+/)", text).group(1)
