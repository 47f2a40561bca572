"""Tasks left running by a worker that died are queued again, once.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at
it again, so a worker killed in the middle of a task would leave it RUNNING for
ever. Every worker keeps a heartbeat (kronika.worker.lifeline); a RUNNING task
whose worker has not been seen for KRONIKA_WORKER_TIMEOUT_SECONDS goes back to
READY, and the next free worker runs it again. That is safe because every
Kronika task can run again without doing its work twice (docs/workers.md).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kronika.worker.models import Heartbeat

logger = logging.getLogger(__name__)


def requeue_orphans() -> int:
    """Queue again every running task whose worker has stopped; how many were queued."""
    cutoff = timezone.now() - timedelta(seconds=settings.KRONIKA_WORKER_TIMEOUT_SECONDS)
    # Running tasks first, live workers second: a worker records its heartbeat
    # before it claims anything, so the worker of every task read here is among
    # the live workers read next, unless it has really stopped.
    running = _running()
    alive = set(Heartbeat.objects.filter(seen_at__gte=cutoff).values_list("worker_id", flat=True))
    requeued = sum(
        _requeue(task, "its worker stopped") for task in running if _claimed_by(task) not in alive
    )
    Heartbeat.objects.filter(seen_at__lt=cutoff).delete()
    return requeued


def release_claims(worker_id: str, reason: str) -> int:
    """Queue again the running tasks last claimed by `worker_id`, which is not running them."""
    return sum(_requeue(task, reason) for task in _running() if _claimed_by(task) == worker_id)


def _running() -> list[dict]:
    return list(
        DBTaskResult.objects.running().values("pk", "task_path", "worker_ids", "started_at")
    )


def _claimed_by(task: dict) -> str | None:
    return task["worker_ids"][-1] if task["worker_ids"] else None


def _requeue(task: dict, reason: str) -> bool:
    # Only the claim that was read: a task another worker has queued again, or
    # claimed anew since (which sets a new start time), is left alone, so two
    # workers recovering at once queue it once.
    requeued = DBTaskResult.objects.filter(
        pk=task["pk"], status=TaskResultStatus.RUNNING, started_at=task["started_at"]
    ).update(status=TaskResultStatus.READY)
    if requeued:
        logger.warning(
            "Task %s (%s) was left running by worker %s (%s); queued to run again.",
            task["pk"],
            task["task_path"],
            _claimed_by(task),
            reason,
        )
    return bool(requeued)
