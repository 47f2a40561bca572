"""A second SIGTERM or Ctrl-C: stop now, and leave the task to another worker."""

import signal

from kronika.worker.tests.support import wait_for

PUBLISH_SCHEDULED = "kronika.news.tasks.publish_scheduled"
RUNS = f"result = paper.runs_of({PUBLISH_SCHEDULED!r}, 'hasty-worker')"


def cut_off_run(paper) -> dict:
    """The run the hasty worker was stopped in.

    Its catch-up run at start may be there too, finished with nothing yet due
    when the worker started within the second before the go-live time.
    """
    [run] = [
        run
        for run in paper.run(RUNS)
        if run["status"] != "SUCCESSFUL" or len(run["worker_ids"]) > 1
    ]
    return run


def finished_run(paper) -> dict | None:
    run = cut_off_run(paper)
    return run if run["status"] == "SUCCESSFUL" else None


def test_a_worker_told_twice_to_stop_stops_at_once_and_its_task_runs_again(
    paper_with_own_processes,
):
    paper = paper_with_own_processes
    [pk] = paper.run("result = paper.schedule('Stopped short', 1, seconds=1)")
    worker = paper.start_worker("--worker-id", "hasty-worker", halt_at="go-live:1")
    worker.wait_for_halt("go-live:1")

    worker.signal(signal.SIGTERM)
    worker.wait_for_output("shutting down gracefully")
    worker.signal(signal.SIGTERM)

    assert worker.wait(timeout=10) == 1
    assert not paper.run(f"result = paper.article({pk})")["live"], "the go-live was cut off"
    interrupted = cut_off_run(paper)
    assert interrupted["status"] == "RUNNING", "not marked failed: its work would be lost"

    paper.start_worker()
    run = wait_for(lambda: finished_run(paper), 30, what="the interrupted task run again")
    # A run an earlier test's killed worker left behind may be the one the
    # hasty worker took over, so only the last two claims are this test's.
    *_, cut_off_in, finished_by = run["worker_ids"]
    assert cut_off_in == "hasty-worker" and finished_by != "hasty-worker", run
    state = paper.run(f"result = paper.article({pk})")
    assert state["live"] and state["publish_log"] == ["wagtail.publish.scheduled"], state
