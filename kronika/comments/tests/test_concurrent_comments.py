"""Comments posted at the same moment to a real server, with its own database."""

import re
import time
from concurrent.futures import ThreadPoolExecutor

from kronika.testing_over_http import fetch, post_over_http


def open_article(server) -> tuple[int, str]:
    """The newest article with its comment form, and the form's token."""
    _, home = fetch(server.base_url + "/")
    for path in dict.fromkeys(re.findall(r'href="(/[a-z-]+/[a-z0-9-]+/)"', home)):
        _, page = fetch(server.base_url + path)
        form = re.search(r'action="/comments/(\d+)/"', page)
        if form:
            started = re.search(r'name="started" value="([^"]+)"', page).group(1)
            return int(form.group(1)), started
    raise AssertionError("no article on the front page takes comments")


def post_at_once(server, count, make_form, agent) -> list[int]:
    """Post `count` comment forms at the same moment; their HTTP statuses, sorted.

    urllib follows the 303 back to the article, so a stored comment reads as 200.
    """
    article_id, started = open_article(server)
    url = f"{server.base_url}/comments/{article_id}/"
    time.sleep(3.5)  # a person takes longer than the form's minimum time

    def post(number):
        form = {"started": started, **make_form(number)}
        headers = {"Origin": server.base_url, "User-Agent": agent(number)}
        return post_over_http(url, form, headers)[0]

    with ThreadPoolExecutor(max_workers=count) as pool:
        return sorted(pool.map(post, range(count)))


def test_50_comments_from_50_clients_at_once_are_each_stored_exactly_once(live_paper):
    statuses = post_at_once(
        live_paper,
        50,
        lambda n: {"name": f"Reader {n}", "body": f"Concurrent comment number {n}."},
        agent=lambda n: f"Concurrency test browser {n}",
    )
    assert statuses == [200] * 50, statuses
    stored = live_paper.shell(
        "from kronika.comments.models import Comment; "
        "rows = Comment.objects.filter(body__startswith='Concurrent comment number'); "
        "print(rows.count(), len(set(rows.values_list('body', flat=True))), "
        "len(set(rows.values_list('client', flat=True))))"
    )
    assert stored == "50 50 50"


def test_one_client_sending_many_at_once_gets_exactly_one_through(live_paper):
    statuses = post_at_once(
        live_paper,
        10,
        lambda n: {"name": "Eager", "body": f"Eager comment {n}."},
        agent=lambda n: "One eager reader",
    )
    assert statuses == [200] + [429] * 9, statuses
    stored = live_paper.shell(
        "from kronika.comments.models import Comment; "
        "print(Comment.objects.filter(body__startswith='Eager comment').count())"
    )
    assert stored == "1"


def test_a_real_server_answers_broken_requests_with_4xx(live_paper):
    article_id, _ = open_article(live_paper)
    url = f"{live_paper.base_url}/comments/{article_id}/"
    origin = {"Origin": live_paper.base_url}
    huge = {**origin, "X-Padding": "x" * 20_000}
    assert 400 <= post_over_http(url, {"name": "Big", "body": "x"}, huge)[0] < 500
    assert post_over_http(url, {"name": "No body"}, origin)[0] == 400
    assert post_over_http(url, {"name": "x", "body": "y"})[0] == 403
    assert post_over_http(f"{live_paper.base_url}/comments/{2**64}/", {}, origin)[0] == 404
