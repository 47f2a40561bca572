"""The `kronika` command: Django's manage.py with Kronika's settings."""

import os
import sys

# The demo paper is in English, Lithuanian and Russian, as its region reads.
DEMO_LANGUAGES = "en,lt,ru"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kronika.settings")
    # The demo is served on plain http://127.0.0.1, where HTTPS-only cookies and
    # redirects would lock the visitor out of the admin.
    if len(sys.argv) > 1 and sys.argv[1] == "demo":
        os.environ.setdefault("KRONIKA_HTTPS", "false")
        # The demo is read by a person in a terminal, not by a log collector.
        os.environ.setdefault("KRONIKA_LOG_FORMAT", "plain")
        os.environ.setdefault("KRONIKA_LANGUAGES", DEMO_LANGUAGES)
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - reading a setting loads and validates them all
    except ImproperlyConfigured as error:
        sys.exit(f"kronika: configuration error: {error}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
