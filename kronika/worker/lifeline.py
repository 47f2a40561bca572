"""A worker's heartbeat, and the recovery every live worker runs beside its tasks.

The heartbeat is written from a thread of its own, so a task that takes long
(a Telegram call waiting for its timeout, a big related-articles update) does
not make its worker look dead.
"""

import logging
import os
import socket
import threading

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from kronika.worker.models import Heartbeat
from kronika.worker.recovery import release_claims, requeue_orphans

logger = logging.getLogger(__name__)


class Lifeline:
    def __init__(self, worker_id: str):
        self.worker_id = worker_id
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)

    def start(self) -> None:
        """Sign on, before the first claim, and recover what dead workers left running."""
        # A worker restarted under the same --worker-id cannot be running what
        # its previous life claimed.
        release_claims(self.worker_id, "the worker restarted")
        self._register()
        requeue_orphans()
        self._thread.start()

    def stop(self) -> None:
        """Sign off: nothing this worker claimed is left running."""
        self._stopped.set()
        if self._thread.is_alive():  # not yet started when the stop came during start()
            self._thread.join(timeout=settings.KRONIKA_WORKER_HEARTBEAT_SECONDS + 10)
        release_claims(self.worker_id, "the worker stopped before running it")
        Heartbeat.objects.filter(worker_id=self.worker_id).delete()

    def _register(self) -> None:
        now = timezone.now()
        Heartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"seen_at": now},
            create_defaults={
                "host": socket.gethostname()[:255],
                "pid": os.getpid(),
                "started_at": now,
                "seen_at": now,
            },
        )

    def _beat(self) -> None:
        if not Heartbeat.objects.filter(worker_id=self.worker_id).update(seen_at=timezone.now()):
            logger.error(
                "Worker %s was not seen for %s s and was taken for dead: "
                "the task it is running may have been queued to run again.",
                self.worker_id,
                settings.KRONIKA_WORKER_TIMEOUT_SECONDS,
            )
            self._register()

    def _run(self) -> None:
        while not self._stopped.wait(settings.KRONIKA_WORKER_HEARTBEAT_SECONDS):
            close_old_connections()
            try:
                self._beat()
                requeue_orphans()
            except DatabaseError as error:
                # The database may be down or, on SQLite, busy: the next beat tries again.
                logger.warning("Worker %s missed a heartbeat: %s", self.worker_id, error)
        connection.close()
