"""`kill -9` of a worker in the middle of a related-articles update, then a restart."""

from kronika.worker.tests.support import wait_for


def finished_runs(paper, articles: list[int]) -> dict[int, list[dict]] | None:
    """The related-articles updates of each article, once they have all succeeded."""
    runs = {pk: paper.run(f"result = paper.related_tasks({pk})") for pk in articles}
    succeeded = all(run["status"] == "SUCCESSFUL" for each in runs.values() for run in each)
    return runs if succeeded else None


def test_a_worker_killed_during_a_related_update_finishes_it_after_a_restart(
    paper_with_own_processes,
):
    paper = paper_with_own_processes
    halting = paper.start_worker(halt_at="related")
    ids = paper.run("result = paper.publish('Kin', 4)")
    halted = halting.wait_for_halt("related")
    halting.kill()
    # The articles published after it may queue further updates naming it, so
    # the killed run is the one left running, not necessarily the last queued.
    queued = paper.run(f"result = paper.related_tasks({halted})")
    running = [number for number, run in enumerate(queued) if run["status"] == "RUNNING"]
    assert len(running) == 1, f"the kill left the halted update running: {queued}"
    killed_run = queued[running[0]]

    paper.start_worker()
    runs = wait_for(
        lambda: finished_runs(paper, [*ids, halted]), timeout=45, what="every update finished"
    )
    interrupted = runs[halted][running[0]]
    assert len(interrupted["workers"]) == 2, "queued again, and run by the restarted worker"
    assert interrupted["workers"][0] == killed_run["workers"][0]
    assert paper.run(f"result = paper.article({halted})")["related"], "its list is stored"

    lists = paper.run("result = paper.related_lists()")
    paper.run(f"paper.update_related([{halted}])")
    assert paper.run("result = paper.related_lists()") == lists, (
        "running the update again changes nothing: the lists are those of a complete run"
    )
