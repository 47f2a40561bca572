from datetime import timedelta

from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from kronika.worker import recovery
from kronika.worker.lifeline import Lifeline
from kronika.worker.models import Heartbeat

TIMEOUT = 30


def claimed(*worker_ids: str, task_path="kronika.news.tasks.publish_scheduled") -> DBTaskResult:
    return DBTaskResult.objects.create(
        task_path=task_path,
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now(),
        worker_ids=list(worker_ids),
    )


def seen(worker_id: str, seconds_ago: float) -> Heartbeat:
    moment = timezone.now() - timedelta(seconds=seconds_ago)
    return Heartbeat.objects.create(
        worker_id=worker_id, host="test", pid=1, started_at=moment, seen_at=moment
    )


def status(task: DBTaskResult) -> str:
    return DBTaskResult.objects.get(pk=task.pk).status


@override_settings(KRONIKA_WORKER_TIMEOUT_SECONDS=TIMEOUT)
class RecoveryTests(TestCase):
    def test_a_task_of_a_worker_silent_for_the_timeout_is_queued_again(self):
        seen("dead", seconds_ago=TIMEOUT + 1)
        task = claimed("dead")

        self.assertEqual(recovery.requeue_orphans(), 1)

        self.assertEqual(status(task), TaskResultStatus.READY)
        self.assertFalse(Heartbeat.objects.filter(worker_id="dead").exists())

    def test_a_task_of_a_live_worker_is_left_running(self):
        seen("alive", seconds_ago=TIMEOUT - 5)
        task = claimed("dead-long-ago", "alive")

        self.assertEqual(recovery.requeue_orphans(), 0)

        self.assertEqual(status(task), TaskResultStatus.RUNNING)

    def test_a_task_whose_worker_left_no_heartbeat_at_all_is_queued_again(self):
        task = claimed("from-before-heartbeats")
        self.assertEqual(recovery.requeue_orphans(), 1)
        self.assertEqual(status(task), TaskResultStatus.READY)

    def test_two_workers_recovering_at_once_queue_a_task_once(self):
        task = claimed("dead")
        self.assertEqual(recovery.requeue_orphans() + recovery.requeue_orphans(), 1)
        self.assertEqual(status(task), TaskResultStatus.READY)

    def test_a_task_claimed_anew_after_it_was_read_is_left_to_its_new_worker(self):
        task = claimed("dead")
        [as_read] = recovery._running()
        seen("alive", seconds_ago=0)
        DBTaskResult.objects.get(pk=task.pk).claim("alive")

        self.assertFalse(recovery._requeue(as_read, "its worker stopped"))

        self.assertEqual(status(task), TaskResultStatus.RUNNING)
        self.assertEqual(DBTaskResult.objects.get(pk=task.pk).worker_ids, ["dead", "alive"])

    def test_a_worker_restarted_under_the_same_id_queues_again_what_it_left_running(self):
        seen("worker-1", seconds_ago=1)
        task = claimed("worker-1")
        lifeline = Lifeline("worker-1")

        lifeline.start()
        try:
            self.assertEqual(status(task), TaskResultStatus.READY)
            self.assertTrue(Heartbeat.objects.filter(worker_id="worker-1").exists())
        finally:
            lifeline.stop()

        self.assertFalse(Heartbeat.objects.filter(worker_id="worker-1").exists())
