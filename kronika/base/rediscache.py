"""Redis as a shared cache that the site can do without for a while.

Every app server shares one Redis for its cache, its sessions' cached copies
and the page cache. If Redis goes away, a reader should still get the page:
this backend then behaves as an empty cache that keeps nothing (reads miss,
writes are dropped), logs one warning, and tries Redis again every few
seconds. When Redis answers again it logs that too and sends
`shared_cache_recovered`, because writes dropped during the outage (a page
cache invalidation, a deleted session) may have left old copies behind that
must not be trusted.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Sent once per process when Redis answers again after an outage; `location`
# names the server, so receivers can tell which cache came back.
shared_cache_recovered = Signal()

RETRY_SECONDS = 2.0


class Outage:
    """Whether one Redis server is known to be down, shared by every thread of a process.

    Django gives each thread its own cache objects; sharing this state means a
    dead server costs the process one failed connection per retry interval
    rather than one per thread and call.
    """

    def __init__(self, location: str):
        self.location = location
        self.down_since: float | None = None
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def skip(self) -> bool:
        return self.down_since is not None and time.monotonic() < self.retry_at

    def failed(self, error: Exception) -> None:
        with self.lock:
            self.retry_at = time.monotonic() + RETRY_SECONDS
            if self.down_since is not None:
                return
            self.down_since = time.monotonic()
        logger.warning(
            "Redis at %s cannot be reached (%s); serving without the shared cache",
            self.location,
            error,
        )

    def succeeded(self) -> None:
        if self.down_since is None:
            return
        with self.lock:
            if self.down_since is None:
                return
            seconds = time.monotonic() - self.down_since
            self.down_since = None
        logger.warning(
            "Redis at %s is back after %.0f s; using the shared cache again",
            self.location,
            seconds,
        )
        shared_cache_recovered.send(sender=ResilientRedisCache, location=self.location)


_outages: dict[str, Outage] = {}
_outages_lock = threading.Lock()


def _outage_for(location: str) -> Outage:
    with _outages_lock:
        return _outages.setdefault(location, Outage(location))


def _fallback(default=None):
    """Run a cache operation against Redis, or answer as an empty cache when it is down.

    `default` is the empty cache's answer, or a function of the call's arguments.
    """

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            fallback = default(*args, **kwargs) if callable(default) else default
            if self.outage.skip():
                return fallback
            try:
                result = method(self, *args, **kwargs)
            except RedisError as error:
                self.outage.failed(error)
                return fallback
            self.outage.succeeded()
            return result

        return wrapper

    return decorate


def _get_default(key, default=None, version=None):
    return default


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        # A Redis that hangs must not hold a request for longer than a database query would.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        super().__init__(server, {**params, "OPTIONS": options})
        self.outage = _outage_for(",".join(self._servers))

    def delete_matching(self, pattern: str) -> None:
        """Delete every key of this cache that matches a glob `pattern`."""
        client = self._cache.get_client(write=True)
        batch = []
        for key in client.scan_iter(match=self.make_key(pattern), count=1000):
            batch.append(key)
            if len(batch) == 1000:
                client.delete(*batch)
                batch.clear()
        if batch:
            client.delete(*batch)

    def ping(self) -> None:
        """Raise unless Redis answers now; for readiness checks, which must know."""
        self._cache.get_client(write=True).ping()

    get = _fallback(default=_get_default)(RedisCache.get)
    get_many = _fallback(default=lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _fallback(default=False)(RedisCache.has_key)
    add = _fallback(default=False)(RedisCache.add)
    set = _fallback(default=None)(RedisCache.set)
    set_many = _fallback(default=lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    touch = _fallback(default=False)(RedisCache.touch)
    delete = _fallback(default=False)(RedisCache.delete)
    delete_many = _fallback(default=None)(RedisCache.delete_many)
    clear = _fallback(default=False)(RedisCache.clear)

    def incr(self, key, delta=1, version=None):
        # Django's caches answer incr() of a key they do not hold with ValueError,
        # and callers handle that; a cache that is down holds no keys.
        if self.outage.skip():
            raise ValueError(f"Key '{key}' not found: the shared cache is unavailable")
        try:
            result = super().incr(key, delta, version)
        except RedisError as error:
            self.outage.failed(error)
            raise ValueError(f"Key '{key}' not found: the shared cache is unavailable") from None
        self.outage.succeeded()
        return result


def forget_cached_sessions(location: str, **kwargs) -> None:
    """Drop the cached copies of sessions after an outage; the database keeps the real ones.

    A session ended while Redis was down (a logout, a disabled account) was
    deleted from the database, but its cached copy may have survived in Redis
    and would otherwise sign the user in again.
    """
    from django.conf import settings
    from django.contrib.sessions.backends.cached_db import KEY_PREFIX
    from django.core.cache import caches

    cache = caches[settings.SESSION_CACHE_ALIAS]
    if not isinstance(cache, ResilientRedisCache) or cache.outage.location != location:
        return
    try:
        cache.delete_matching(KEY_PREFIX + "*")
    except RedisError as error:
        logger.error("Cached sessions could not be dropped after the outage: %s", error)


shared_cache_recovered.connect(forget_cached_sessions)
