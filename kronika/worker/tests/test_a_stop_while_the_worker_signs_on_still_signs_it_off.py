"""A stop signal that arrives while the worker signs on still signs it off.

The worker handles SIGTERM from before it signs on: the handler's sys.exit can
come out of Lifeline.start (recovering what dead workers left, say), and the
worker must not stay listed as alive until its heartbeat times out. The signal
is stood in for by the SystemExit its handler raises, at the end of start().
"""

from unittest import mock

from django.test import TransactionTestCase

from kronika.worker.lifeline import Lifeline
from kronika.worker.management.commands.worker import Worker
from kronika.worker.models import Heartbeat


def worker(worker_id: str) -> Worker:
    return Worker(
        queue_names=["default"],
        interval=0.1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


class StopWhileSigningOnTests(TransactionTestCase):
    def test_the_worker_is_not_listed_after_a_stop_during_its_sign_on(self):
        signed_on = Lifeline.start

        def signs_on_then_is_stopped(lifeline):
            signed_on(lifeline)
            self.assertTrue(Heartbeat.objects.filter(worker_id="stopping").exists())
            raise SystemExit(0)

        with (
            mock.patch.object(Lifeline, "start", signs_on_then_is_stopped),
            self.assertRaises(SystemExit),
        ):
            worker("stopping").run()

        self.assertFalse(Heartbeat.objects.filter(worker_id="stopping").exists())
