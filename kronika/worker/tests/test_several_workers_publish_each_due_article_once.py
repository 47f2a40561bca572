"""Three real workers at once, with many scheduled articles falling due together."""

from kronika.testing_over_http import fetch
from kronika.worker.tests.support import assert_went_live_once

WORKERS = 3
ARTICLES = 24


def test_several_workers_publish_each_due_article_once(paper_with_own_processes):
    paper = paper_with_own_processes
    since = paper.run("from django.utils import timezone; result = timezone.now()")
    # Due once every worker is up, so that they all reach for them together.
    ids = paper.run(f"result = paper.schedule('Rush hour', {ARTICLES}, seconds=15)")
    scheduled = {state["title"]: state for state in paper.run(f"result = paper.articles({ids})")}
    for _ in range(WORKERS):
        paper.start_worker()

    states = paper.wait_until_settled(ids, scheduled, timeout=50)

    titles = sorted(state["title"] for state in states)
    assert titles == [f"Rush hour {n:02d}" for n in range(ARTICLES)]
    for state in states:
        assert_went_live_once(state, scheduled[state["title"]])
    assert sorted(paper.posted("Rush hour")) == titles, "each posted once"
    assert sorted(paper.send_calls("Rush hour")) == titles, "no send was made twice"
    assert {fetch(f"{paper.base_url}{state['url']}")[0] for state in states} == {200}

    tasks = paper.run(f"result = paper.tasks_since({since!r})")
    # Only Kronika's own: on SQLite, Wagtail's search-index task reads, then inserts,
    # and fails when two workers index one page at once (see docs/workers.md).
    failed = [task for task in tasks if task["status"] == "FAILED"]
    assert [task for task in failed if task["task"].startswith("kronika.")] == []
    assert [task for task in tasks if len(task["worker_ids"]) > 1] == [], "none ran twice"
    claimed = {task["worker_ids"][0] for task in tasks if task["worker_ids"]}
    assert len(claimed) == WORKERS, "every worker took part"
