"""`kill -9` of a worker while the Bot API holds its call, then a restart.

Telegram cannot say whether a call whose answer never came was carried out,
and the Bot API has no way to make a send idempotent. So the send that was in
flight is flagged for an editor, never repeated by itself (the channel shows it
once here, since the fake carried it out), and the rest of the queue is posted
once each, in order.
"""

from kronika.worker.tests.support import wait_for

ARTICLES = 5


def settled(paper, ids: list[int]) -> list[dict] | None:
    """The articles' states once no send of theirs is waiting; else None."""
    states = paper.run(f"result = paper.articles({ids})")
    return states if all(map(finished, states)) else None


def finished(state: dict) -> bool:
    # A post's state is read before its sends', so a send that finishes between
    # the two reads shows as done on a post still queued: wait for both.
    return state["sends"][-1:] in [["done"], ["flagged"], ["failed"]] and (
        "queued" not in state["posts"]
    )


def test_a_worker_killed_during_a_telegram_call_posts_nothing_twice(paper_with_own_processes):
    paper = paper_with_own_processes
    titles = [f"Held back {n:02d}" for n in range(ARTICLES)]
    worker = paper.start_worker()
    # The call held must be one of this test's.
    wait_for(lambda: paper.run("result = paper.calls_waiting()") == 0, 60, what="no call waiting")
    holding, release = paper.telegram.hold_next()
    ids = paper.run(f"result = paper.publish('Held back', {ARTICLES})")
    assert holding.wait(timeout=60), "the worker made its first call"
    worker.kill()
    release.set()  # the answer goes nowhere: its caller is gone

    paper.start_worker()
    states = wait_for(lambda: settled(paper, ids), timeout=50, what="every post settled")

    flagged = [state for state in states if state["posts"] == ["flagged"]]
    assert len(flagged) == 1, states
    assert flagged[0]["sends"] == ["flagged"], "left to an editor, not repeated"
    held_title = flagged[0]["title"]
    for state in states:
        if state["title"] != held_title:
            assert state["posts"] == ["sent"] and state["sends"] == ["done"], state
    assert paper.posted("Held back") == titles, "each in the channel once, in order"
    assert paper.send_calls("Held back") == titles, "no call was made twice"
