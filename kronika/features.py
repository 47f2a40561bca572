"""The features a paper may leave out (KRONIKA_FEATURES), and what each one needs.

A feature is an app under kronika/ that news and base do not need: settings.py
installs only those named, urls.py routes only to those installed, and the
shared templates ask `installed_features` before linking to one. Staff
accounts, backups, the page cache and the worker are always installed: a paper
cannot safely run without its sign-in protections or its backups.
"""

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

# In the order their apps are installed, which is the order their parts take
# at one place on a page (kronika.news.slots).
OPTIONAL = ("comments", "ratings", "telegram", "newsletters", "feeds", "search", "wordpress")

# The WordPress importer writes the readers' comments it finds. (It also holds
# Telegram posts back while it publishes, but only where Telegram is installed.)
NEEDS = {"wordpress": ("comments",)}


def with_what_they_need(variable: str, names: list[str]) -> list[str]:
    """`names`, once each, refused in one line if one needs a feature left out."""
    chosen = list(dict.fromkeys(names))
    for name in chosen:
        missing = [needed for needed in NEEDS.get(name, ()) if needed not in chosen]
        if missing:
            raise ImproperlyConfigured(
                f"{variable} names {name}, which needs {' and '.join(missing)}: "
                f"add {' and '.join(missing)} to it, or leave {name} out."
            )
    return chosen


def app_names(chosen: list[str], *names: str) -> list[str]:
    """The apps to install for those of `names` that were chosen."""
    return [f"kronika.{name}" for name in names if name in chosen]


def installed(request) -> dict:
    """The installed features, for templates: {% if "feeds" in installed_features %}."""
    return {
        "installed_features": frozenset(
            name for name in OPTIONAL if apps.is_installed(f"kronika.{name}")
        )
    }
