"""The part of an uncached article's render that no kept part can remove: Django's templates.

`uncached_article_render_p50` is a whole render: routing, the queries, the
teasers and the template. Here the article page's template is rendered once
more for articles whose context is already built, with every query answered,
every teaser kept and every cached property read: what is left is the
template engine drawing the page. An article nobody has asked for before
must be drawn at least once, so this is a floor under the render for as long
as pages are drawn by Django's template language. The site's chrome alone
(masthead, menus, footer) is the error page's template with no headlines.

These are figures, not goals: they say how much of a goal is within reach.
"""

import random
import time

from django.contrib.auth.models import AnonymousUser
from django.template.loader import get_template
from django.test import RequestFactory

from bench.render import _articles, _client, _sample, cache_off
from bench.results import summary
from kronika.news.models import ArticlePage


def template_floor(samples: int = 100) -> dict:
    """p50/p99 in ms of the article template with its context built, and of the chrome."""
    rng = random.Random(f"kronika-bench-floor:{samples}")  # noqa: S311 - not a secret
    with cache_off():
        host = _client().defaults["HTTP_HOST"]
        factory = RequestFactory(HTTP_HOST=host)
        article_template = get_template("news/article_page.html")
        rendered = []
        for found in _articles(_sample(rng, samples)):
            request = factory.get(found.url, secure=True)
            request.user = AnonymousUser()
            page = ArticlePage.objects.get(pk=found.pk)
            context = page.get_context(request)
            article_template.render(context, request)  # reads what the page shows
            rendered.append((context, request))
        articles = [_timed(article_template.render, *each) for each in rendered]

        error_template = get_template("error.html")
        request = rendered[0][1]
        chrome_context = {"status": 500, "error_title": "Error", "error_message": "Sorry."}
        chrome = [_timed(error_template.render, chrome_context, request) for _ in range(samples)]
    return {"article_template": summary(articles, 50, 99), "chrome": summary(chrome, 50, 99)}


def _timed(render, context, request) -> float:
    start = time.perf_counter()
    render(context, request)
    return (time.perf_counter() - start) * 1000
