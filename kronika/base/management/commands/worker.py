from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from kronika.news.tasks import publish_scheduled
from kronika.telegram import outbox


class Command(DBWorkerCommand):
    help = "Run the background worker: scheduled publishing, related articles and other tasks."

    def configure_logging(self, verbosity):
        # The project's LOGGING decides, so a busy worker logs failures, not every task.
        if verbosity > 1:
            super().configure_logging(verbosity)

    def handle(self, *args, **options):
        # Scheduled go-lives are queued as deferred tasks when they are set; this
        # catches anything that fell due while no worker was running.
        publish_scheduled.enqueue()
        # Telegram calls cut off by a stop, or waiting for a retry, carry on.
        outbox.resume()
        super().handle(*args, **options)
