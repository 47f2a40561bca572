import logging
import os
import signal
import sys

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from kronika.mail import outbox as mail_outbox
from kronika.news.tasks import publish_scheduled
from kronika.worker.lifeline import Lifeline

logger = logging.getLogger("django_tasks_db")


class Worker(db_worker.Worker):
    """django-tasks-db's worker, with a heartbeat, recovery and a clean stop."""

    def run(self) -> None:
        lifeline = Lifeline(self.worker_id)
        try:
            # Started inside the try: the stop signals are already handled while it
            # signs on and recovers, and a stop then (sys.exit from `shutdown`)
            # must still sign off, or the worker is listed until its timeout.
            lifeline.start()
            super().run()
        finally:
            # Also when a stop signal ends the loop between claiming a task and
            # starting it: that task goes back to the queue.
            lifeline.stop()

    def shutdown(self, signum, frame) -> None:
        if not self.running:
            # A second signal means "stop now". The base worker would mark the task
            # failed, and its work (a related-articles update, say) would be lost;
            # stopping as a kill does leaves it running, for recovery to queue again.
            logger.warning(
                "Received %s again - stopping now; the current task will run again.",
                signal.strsignal(signum),
            )
            os._exit(1)
        # The base worker warns here, but a stop is routine: `kronika serve` asks
        # its worker to stop every time it stops itself.
        logger.info(
            "Received %s - shutting down gracefully... (press Ctrl+C again to force)",
            signal.strsignal(signum),
        )
        self.running = False
        if not self.running_task:
            # Asleep between tasks: nothing to finish.
            sys.exit(0)


class Command(db_worker.Command):
    help = "Run the background worker: scheduled publishing, related articles and other tasks."

    def configure_logging(self, verbosity):
        # The project's LOGGING decides, so a busy worker logs failures, not every task.
        if verbosity > 1:
            super().configure_logging(verbosity)

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        heartbeat = settings.KRONIKA_WORKER_HEARTBEAT_SECONDS
        timeout = settings.KRONIKA_WORKER_TIMEOUT_SECONDS
        if timeout < 2 * heartbeat:
            raise CommandError(
                f"KRONIKA_WORKER_TIMEOUT_SECONDS ({timeout}) must be at least twice "
                f"KRONIKA_WORKER_HEARTBEAT_SECONDS ({heartbeat})."
            )
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        self.configure_logging(verbosity)
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        # Scheduled go-lives are queued as deferred tasks when they are set; this
        # catches anything that fell due while no worker was running.
        publish_scheduled.enqueue()
        # Mail waiting for its server, or cut off by a stop, is sent (kronika.mail.outbox).
        mail_outbox.resume()
        # Telegram calls cut off by a stop, or waiting for a retry, carry on;
        # a paper without Telegram (KRONIKA_FEATURES) has none and cannot import it.
        if apps.is_installed("kronika.telegram"):
            from kronika.telegram import outbox

            outbox.resume()
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
