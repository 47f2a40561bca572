"""A change made while Redis hangs cannot reach it; the pages kept there must not outlive it."""

import time

from django.http import HttpResponse
from django.test import override_settings

from kronika.base import rediscache
from kronika.base.tests.services import PrivateRedis
from kronika.pagecache import tags as t
from kronika.pagecache.store import Dependencies, page_cache

KEY = "page:front"


def caches_on(url: str) -> dict:
    redis = {"BACKEND": "kronika.base.rediscache.ResilientRedisCache", "LOCATION": url}
    return {
        "default": {**redis, "KEY_PREFIX": "test"},
        "pages": {**redis, "KEY_PREFIX": "test:pages"},
        "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }


def render_front_page() -> bool:
    dependencies = Dependencies()
    dependencies.tags.add(t.listing())
    response = HttpResponse("<h1>The front page</h1>")
    response["Cache-Control"] = "public, s-maxage=1"
    return page_cache.store(KEY, response, dependencies)


def test_pages_cached_before_an_outage_are_rendered_afresh_once_redis_answers_again():
    with PrivateRedis.running() as redis, override_settings(CACHES=caches_on(redis.url)):
        assert render_front_page()
        assert page_cache.lookup(KEY) is not None

        redis.pause()  # it keeps its data, and the old front page with it
        page_cache.forget_memory()
        started = time.monotonic()
        assert page_cache.lookup(KEY) is None
        assert time.monotonic() - started < 2, "a hung Redis holds a request for at most ~1 s"
        # An article is published: the front page's list changes, but the
        # invalidation cannot reach Redis.
        page_cache.bump({t.listing()})

        redis.resume()
        time.sleep(rediscache.RETRY_SECONDS + 0.1)
        assert page_cache.lookup(KEY) is None, "the front page from before the outage"
        assert render_front_page()
        assert page_cache.lookup(KEY) is not None, "caching works again"
