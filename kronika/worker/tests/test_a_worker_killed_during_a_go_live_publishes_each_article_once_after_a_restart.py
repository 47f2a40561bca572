"""`kill -9` of a worker in the middle of a scheduled go-live, then a restart."""

from kronika.testing_over_http import fetch, fetch_showing
from kronika.worker.tests.support import assert_went_live_once

ARTICLES = 4
NOTHING_PUBLISHED = {
    "live": False,
    "live_revision": None,
    "first_published_at": None,
    "published": False,
    "scheduled": True,
    "publish_log": [],
    "posts": [],
    "sends": [],
}


def test_a_worker_killed_during_a_go_live_publishes_each_article_once_after_a_restart(
    paper_with_own_processes,
):
    paper = paper_with_own_processes
    ids = paper.run(f"result = paper.schedule('Cut off', {ARTICLES}, seconds=1)")
    scheduled = {state["title"]: state for state in paper.run(f"result = paper.articles({ids})")}

    halting = paper.start_worker(halt_at="go-live:2")
    cut_off = halting.wait_for_halt("go-live:2")
    halting.kill()

    states = paper.run(f"result = paper.articles({ids})")
    cut_off_state = next(state for state in states if state["id"] == cut_off)
    assert cut_off_state == {**cut_off_state, **NOTHING_PUBLISHED}, "nothing of it survived"
    as_scheduled = scheduled[cut_off_state["title"]]
    assert len(cut_off_state["related_tasks"]) == len(as_scheduled["related_tasks"])
    assert fetch(f"{paper.base_url}{cut_off_state['url']}")[0] == 404
    went_live = [state for state in states if state["live"]]
    assert len(went_live) == 1, "the go-live before it was committed"
    assert went_live[0]["publish_log"] == ["wagtail.publish.scheduled"]

    paper.start_worker()
    states = paper.wait_until_settled(ids, scheduled, timeout=45)

    titles = sorted(state["title"] for state in states)
    assert titles == [f"Cut off {n:02d}" for n in range(ARTICLES)]
    for state in states:
        assert_went_live_once(state, scheduled[state["title"]])
        assert fetch(f"{paper.base_url}{state['url']}")[0] == 200
    assert sorted(paper.posted("Cut off")) == titles, "each posted once"
    assert sorted(paper.send_calls("Cut off")) == titles, "no send was made twice"
    section = fetch_showing(f"{paper.base_url}/news/", titles[-1])
    assert all(title in section for title in titles)
