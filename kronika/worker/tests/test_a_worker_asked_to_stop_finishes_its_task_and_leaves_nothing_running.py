"""SIGTERM (what `kronika serve` and systemd send) or Ctrl-C, once."""

import signal

from kronika.worker.tests.support import wait_for


def test_an_idle_worker_stops_at_once_and_signs_off(paper_with_own_processes):
    paper = paper_with_own_processes
    worker = paper.start_worker("--worker-id", "idle-worker")
    wait_for(lambda: "idle-worker" in paper.run("result = paper.workers()"), 30, what="sign-on")

    worker.signal(signal.SIGTERM)

    assert worker.wait(timeout=20) == 0
    assert "idle-worker" not in paper.run("result = paper.workers()")
    claims = paper.run("result = paper.claims_of('idle-worker')")
    assert [claim for claim in claims if claim["status"] == "RUNNING"] == []


def test_a_worker_in_the_middle_of_a_go_live_finishes_it_then_stops(paper_with_own_processes):
    paper = paper_with_own_processes
    [pk] = paper.run("result = paper.schedule('Stopping gently', 1, seconds=1)")
    worker = paper.start_worker("--for", "4", "--worker-id", "busy-worker", halt_at="go-live:1")
    worker.wait_for_halt("go-live:1")

    worker.signal(signal.SIGTERM)

    assert worker.wait(timeout=30) == 0
    state = paper.run(f"result = paper.article({pk})")
    assert state["live"] and state["publish_log"] == ["wagtail.publish.scheduled"], state
    assert state["sends"] == ["pending"], "its Telegram post waits for the next worker"
    claims = paper.run("result = paper.claims_of('busy-worker')")
    assert "kronika.news.tasks.publish_scheduled" in {claim["task"] for claim in claims}
    assert {claim["status"] for claim in claims} == {"SUCCESSFUL"}, claims
    assert "busy-worker" not in paper.run("result = paper.workers()")
