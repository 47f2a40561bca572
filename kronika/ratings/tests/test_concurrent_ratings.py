"""Readers rating at the same moment, against a real server with its own database."""

import json
import re
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

from kronika.testing_over_http import fetch, post_over_http


def unrated_article(server) -> int:
    _, home = fetch(server.base_url + "/")
    for path in dict.fromkeys(re.findall(r'href="(/[a-z-]+/[a-z0-9-]+/)"', home)):
        _, page = fetch(server.base_url + path)
        form = re.search(r'action="/ratings/(\d+)/"', page)
        if form and "Not rated yet" in page:
            return int(form.group(1))
    raise AssertionError("every article on the front page has been rated already")


def score(server, article_id) -> dict:
    return json.loads(
        server.shell(
            "import json; from django.db.models import Count, Sum; "
            "from kronika.ratings.models import Rating; "
            f"print(json.dumps(Rating.objects.filter(article_id={article_id})"
            ".aggregate(count=Count('pk'), total=Sum('stars'))))"
        )
    )


def vote(server, article_id, stars, agent):
    return post_over_http(
        f"{server.base_url}/ratings/{article_id}/",
        {"stars": stars},
        {"Origin": server.base_url, "User-Agent": agent, "Accept": "application/json"},
    )


def test_100_readers_rating_at_once_give_the_exact_average(live_paper):
    article_id = unrated_article(live_paper)
    stars = [(reader * 7) % 5 + 1 for reader in range(100)]

    with ThreadPoolExecutor(max_workers=100) as pool:
        answers = list(
            pool.map(
                lambda reader: vote(live_paper, article_id, stars[reader], f"Reader {reader}"),
                range(100),
            )
        )
    assert [status for status, _ in answers] == [200] * 100
    assert score(live_paper, article_id) == {"count": 100, "total": sum(stars)}

    expected = float(Fraction(sum(stars), 100))
    _, final = vote(live_paper, article_id, stars[0], "Reader 0")
    assert json.loads(final)["average"] == expected
    assert json.loads(final)["count"] == 100


def test_one_reader_changing_their_rating_at_once_counts_once(live_paper):
    article_id = unrated_article(live_paper)
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(
            pool.map(lambda n: vote(live_paper, article_id, n % 5 + 1, "Fickle"), range(10))
        )
    assert [status for status, _ in answers] == [200] * 10
    result = score(live_paper, article_id)
    assert result["count"] == 1
    assert 1 <= result["total"] <= 5
