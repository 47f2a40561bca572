import logging

from django.conf import settings

from kronika.base.management.commands.serve import Command as ServeCommand
from kronika.demo.loader import ensure_accounts, load_demo
from kronika.demo.newsroom import load_work_in_progress


class Command(ServeCommand):
    help = "Load the demo newspaper and its accounts, then serve it with the task worker."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-serve", action="store_true", help="Load the demo content and stop."
        )

    def handle(self, *args, no_serve=False, **options):
        self.migrate_if_needed()
        # Wagtail logs every page it creates; the demo's own summary says enough.
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        wagtail_log.setLevel(logging.WARNING)
        try:
            added = load_demo()
            passwords = ensure_accounts()
            # The work in progress belongs to the accounts, so it comes after them.
            in_progress = load_work_in_progress()
        finally:
            wagtail_log.setLevel(level)
        for heading, counts in (("Demo content", added), ("Work in progress", in_progress)):
            summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
            self.stdout.write(f"{heading} added: {summary}.")
        host, port = options["host"], options["port"]
        self.stdout.write(self.style.SUCCESS(f"\nThe demo paper: http://{host}:{port}/"))
        for code, name in settings.LANGUAGES[1:]:
            self.stdout.write(f"  {name:<14} http://{host}:{port}/{code}/")
        self.stdout.write(f"The newsroom:   http://{host}:{port}/admin/")
        for username, password in passwords.items():
            self.stdout.write(f"  {username:<9} password: {password}")
        self.stdout.write("")
        if not no_serve:
            super().handle(*args, **options)
