"""The shared cache (Redis) behind a circuit breaker: one timeout per outage per process, not one per call.

A Redis that refuses connections fails at once, but one that hangs (connections accepted, nothing answered)
costs a socket timeout on every call, and a page makes several. So the first timeout or connection error
opens this process's breaker for `BREAKER_SECONDS` (OPTIONS, default 30): while it is open every read is a
miss, every write is skipped and nothing touches the socket. When the time is up one call tries Redis again
(the others keep skipping it meanwhile); if it answers, the breaker closes. One warning when it opens, one
line when it closes: nothing per call, no tracebacks.

What callers see is what django-redis's IGNORE_EXCEPTIONS gave them when Redis refused: `get` returns the
default, `add`/`set`/`delete` False, `incr`/`decr` None, `get_many` {}. Unless `LOCAL_SECONDS` (OPTIONS;
production sets it in the web process) is set: then, while the breaker is open, reads and writes go to a
small cache in the process's own memory that keeps nothing longer than that, so the pages, fragments and
settings the process has just made are not all made again for every request (without it a Redis outage
multiplies the CPU a page costs). It is emptied when Redis answers again; `incr`/`decr` still count nothing
(a count in one process is no limit). Code that talks to Redis itself
(website.request_policy.ratelimits' pipeline) runs inside `guarded(cache)`, which raises `CacheSkipped` while
the breaker is open and opens it on an outage error, so such callers treat an open breaker as "the cache
cannot count".

The state is per process and per Redis location, shared by the threads (Django makes one cache object per
thread), so a gunicorn worker with four threads pays one timeout, not four.
"""

import contextlib
import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

DEFAULT_SECONDS = 30
# Redis did not answer: these open the breaker. Any other Redis error is an answer (Redis is up).
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)


class CacheSkipped(ConnectionError):
    """The breaker is open: the cache was not asked."""


class Breaker:
    """Closed, or open until a moment on `clock` (time.monotonic; tests give their own). `kind` names what
    it guards in its two log lines (website.postgres guards the database with one too)."""

    def __init__(self, name, seconds=DEFAULT_SECONDS, clock=time.monotonic, kind="cache"):
        self.name = name
        self.kind = kind
        self.seconds = seconds
        self.clock = clock
        self._lock = threading.Lock()
        self._open_until = None

    @property
    def is_open(self):
        return self._open_until is not None

    def allows(self):
        """May this call go to the cache? Once the open time is over, one caller tries (and the breaker stays
        open for everyone else until that try comes back)."""
        if self._open_until is None:
            return True
        with self._lock:
            if self._open_until is None:
                return True
            now = self.clock()
            if now < self._open_until:
                return False
            self._open_until = now + self.seconds
            return True

    def failed(self, error):
        with self._lock:
            was_closed = self._open_until is None
            self._open_until = self.clock() + self.seconds
        if was_closed:
            logger.warning(
                "%s %s is not answering (%s): skipping it for %ss in this process",
                self.kind,
                self.name,
                type(error).__name__,
                self.seconds,
            )

    def succeeded(self):
        """Closed again; True if this call closed it."""
        if self._open_until is None:
            return False
        with self._lock:
            was_open = self._open_until is not None
            self._open_until = None
        if was_open:
            logger.warning("%s %s is answering again: using it", self.kind, self.name)
        return was_open


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(location, seconds=DEFAULT_SECONDS):
    """This process's breaker for the Redis at `location` (one per location, whatever the thread)."""
    name = location if isinstance(location, str) else ",".join(location)
    with _breakers_lock:
        if name not in _breakers:
            _breakers[name] = Breaker(_without_password(name), seconds)
        return _breakers[name]


def _without_password(location):
    scheme, sep, rest = location.partition("://")
    if sep and "@" in rest:
        return f"{scheme}://…@{rest.rpartition('@')[2]}"
    return location


@contextlib.contextmanager
def _nothing():
    yield


def guarded(cache):
    """For code that uses the cache's Redis client itself: a context that raises CacheSkipped while the
    breaker is open and opens it on an outage error (re-raised). Any other cache: nothing happens."""
    breaker = getattr(cache, "breaker", None)
    return _nothing() if breaker is None else _guard(breaker)


@contextlib.contextmanager
def _guard(breaker):
    if not breaker.allows():
        raise CacheSkipped(breaker.name)
    try:
        yield
    except OUTAGE_ERRORS as error:
        breaker.failed(error)
        raise
    breaker.succeeded()


class LocalCopies(LocMemCache):
    """The process's own cache while Redis is skipped: one per Redis location and process (LocMemCache shares
    its store by name across threads), keeping nothing longer than `seconds`."""

    def __init__(self, name, seconds):
        super().__init__(f"cache-breaker-local:{name}", {"OPTIONS": {"MAX_ENTRIES": 300}})
        self.seconds = seconds

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        expires = super().get_backend_timeout(timeout)
        cap = time.time() + self.seconds
        return cap if expires is None else min(expires, cap)


# What the process's own copies answer while Redis is skipped; incr and decr are not among them.
LOCAL_METHODS = {
    "get",
    "get_many",
    "has_key",
    "set",
    "set_many",
    "add",
    "touch",
    "delete",
    "delete_many",
    "clear",
}
LOCAL_ARGUMENTS = {"default", "timeout", "version"}  # django-redis's own (nx, client…) mean nothing there


class CircuitBreaker:
    """The breaker in front of every Django cache call of the backend it is mixed into (module docstring)."""

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS", {}))
        seconds = float(options.pop("BREAKER_SECONDS", DEFAULT_SECONDS))
        local_seconds = float(options.pop("LOCAL_SECONDS", 0))
        params["OPTIONS"] = options
        super().__init__(server, params)
        # django-redis's errors come to _call, which degrades and logs once per outage (django-redis would
        # log each one, with its traceback, when it ignores them itself).
        self._ignore_exceptions = False
        self.breaker = breaker_for(server, seconds)
        self.local = LocalCopies(self.breaker.name, local_seconds) if local_seconds > 0 else None

    def _call(self, method, fallback, *args, **kwargs):
        if not self.breaker.allows():
            return self._instead(method, fallback, args, kwargs)
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except ConnectionInterrupted as interrupted:
            error = interrupted.__cause__ or interrupted
            if not isinstance(error, OUTAGE_ERRORS):
                return fallback
            self.breaker.failed(error)
            return self._instead(method, fallback, args, kwargs)
        except OUTAGE_ERRORS as error:
            self.breaker.failed(error)
            return self._instead(method, fallback, args, kwargs)
        except RedisError as error:
            # Redis answered with an error: not an outage. Degrade as IGNORE_EXCEPTIONS did, in one line.
            logger.warning("cache %s answered %s to %s", self.breaker.name, type(error).__name__, method)
            return fallback
        if self.breaker.succeeded() and self.local is not None:
            self.local.clear()  # nothing from the outage may outlive it
        return result

    def _instead(self, method, fallback, args, kwargs):
        """What a call gets while Redis is skipped: the process's own copies, if it keeps any, else
        `fallback`."""
        if self.local is None or method not in LOCAL_METHODS:
            return fallback
        return getattr(self.local, method)(*args, **{k: v for k, v in kwargs.items() if k in LOCAL_ARGUMENTS})

    def get(self, key, default=None, version=None, **kwargs):
        return self._call("get", default, key, default=default, version=version, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", {}, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", False, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", False, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        return self._call("set_many", list(data), data, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", False, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", False, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", None, *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", None, *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._call("decr", None, *args, **kwargs)

    def clear(self):
        return self._call("clear", None)


class CircuitBreakerRedisCache(CircuitBreaker, RedisCache):
    """django-redis's cache behind the breaker: the one CACHES names when REDIS_URL is set."""
