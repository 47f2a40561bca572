"""Queue a task now, or for a time to come, whatever the task backend can do.

The worker's backend (django-tasks-db) runs a task at `run_after`; the test
suite's runs each task at once and cannot wait. Work that must wait for its
time (a retry after a pause, a scheduled publication) is then not queued at
all: whoever owns it picks it up when it is due, as the worker does when it
starts (each caller's `resume`, or the scheduled publisher's catch-up).
"""


def enqueue(task, *args, at=None) -> None:
    """Queue `task(*args)` now, or to run at `at` where the backend can wait."""
    if at is not None:
        if not task.get_backend().supports_defer:
            return
        task = task.using(run_after=at)
    task.enqueue(*args)
