from django.db import models


class Heartbeat(models.Model):
    """A running `kronika worker`, and when it last said it was alive.

    A task claimed by a worker whose heartbeat has stopped is handed to
    another worker (see kronika.worker.recovery).
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.worker_id} (pid {self.pid} on {self.host})"
