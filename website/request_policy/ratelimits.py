"""Rate limits: the one way the site counts requests against a limit, and the page it answers when over.

Keys and windows are django-ratelimit's own (its rate syntax, e.g. "5/m", and its cache keys), counted in the
shared cache, so limits hold across processes. `hit()` counts one request against several rates in a single
Redis round trip: each rate's SET NX EX and INCR in one MULTI/EXEC pipeline, so every counter is created
with its expiry atomically (django-ratelimit's `is_ratelimited` costs two round trips per rate). Caches
other than Redis (LocMemCache in tests and development) take django-ratelimit's ADD and INCR.

When the cache cannot count, limits are skipped (`hit`): access beats rate limiting. A cache whose circuit
breaker is open (website/cache_breaker.py: Redis stopped answering) cannot count either. The log says so once
per outage in each process, an error when the first request finds the limits uncountable and a warning when
one is counted again, as the cache breaker does: a busy form during an outage must not write a line a post.

Who a request comes from is `website.request_policy.client_ip.key` unless the caller counts something else (a
user, an email domain).
"""

import logging
import threading

from django.conf import settings
from django.core.cache import caches
from django.shortcuts import render
from django_ratelimit import ALL
from django_ratelimit.core import (
    EXPIRATION_FUDGE,
    _get_window,
    _make_cache_key,
    _split_rate,
)

from website import cache_breaker
from website.request_policy import client_ip

logger = logging.getLogger(__name__)


def exceeded(request, group, rate, key=None, *, fail_closed=False):
    """Count this request against one `rate` for `group`; True if it is over. `key` defaults to the
    client's address (IPv6 by /64)."""
    return hit(
        request, [(group, client_ip.key(request) if key is None else key, rate)], fail_closed=fail_closed
    )


def hit(request, checks, *, fail_closed=False):
    """Count this request against each `(group, key, rate)`; True if any is over its limit.

    Every rate is counted, even after one is found over, so an attacker cannot spend one budget to save
    another. If the cache cannot count (Redis down, or any error from the cache), the limits are skipped (an
    error is logged when that starts, module docstring): a survivor reaching the disclosure form matters more
    than a limit. A caller that
    guards a secret (`fail_closed=True`: the 2FA code) counts the request as limited instead.
    """
    return _hit(checks, fail_closed=fail_closed)[0]


def exceeded_and_read(request, group, rate, keys):
    """`exceeded()`, and the values of `keys` in the default cache read in the same Redis round trip when the
    limits are counted there: (over, {key: value}). A key that is not there, or that could not be read (the
    cache is down), is missing from the dict; the limit then behaves as `exceeded()` does."""
    checks = [(group, client_ip.key(request), rate)]
    over, values = _hit(checks, read=keys)
    if values is None:  # not counted on the default cache's Redis: read it on its own
        try:
            values = caches["default"].get_many(keys)
        except Exception:  # noqa: BLE001 (a cache outage is a miss)
            values = {}
    return over, values


def _hit(checks, *, fail_closed=False, read=()):
    """(over, values): values of `read` when they came back with the counts, else None."""
    if not getattr(settings, "RATELIMIT_ENABLE", True) or not checks:
        return False, None
    cache = caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]
    values = None
    try:
        # The pipeline talks to Redis itself: while the cache's breaker is open it is not tried
        # (CacheSkipped), and its timeout opens the breaker for every other call (website/cache_breaker.py).
        with cache_breaker.guarded(cache):
            redis = _redis_client(cache)
            if redis is None:
                counts = _count(cache, checks)
            elif read and cache is caches["default"]:
                counts, values = _count_on_redis(cache, redis, checks, read)
            else:
                counts, _ = _count_on_redis(cache, redis, checks)
    except Exception as error:  # noqa: BLE001 (any cache failure: degrade, never fail the request)
        counts = None
        cause = type(error).__name__
    else:
        cause = "no count"
    if counts is None or any(count is None or count is False for count in counts):
        OUTAGE.began(cause)
        return fail_closed, values
    OUTAGE.ended()
    over = any(
        count > _split_rate(rate)[0] for count, (_group, _value, rate) in zip(counts, checks, strict=True)
    )
    return over, values


class Outage:
    """Whether this process's last attempt to count found the limits uncountable: one log line when that
    starts, one when it ends, nothing for the requests in between (their threads share it)."""

    def __init__(self):
        self._lock = threading.Lock()
        self.cause = None

    def began(self, cause):
        with self._lock:
            first, self.cause = self.cause is None, self.cause or cause
        if first:
            logger.error(
                "rate limits unavailable (cache: %s): skipping them until the cache counts again "
                "(the two-factor code form refuses meanwhile)",
                cause,
            )

    def ended(self):
        if self.cause is None:
            return
        with self._lock:
            cause, self.cause = self.cause, None
        if cause is not None:
            logger.warning("rate limits counted again (the cache had failed with %s)", cause)


OUTAGE = Outage()


def _cache_key(group, value, rate):
    _limit, period = _split_rate(rate)
    return _make_cache_key(group, _get_window(value, period), rate, value, ALL), period


def _count(cache, checks):
    """Any Django cache: django-ratelimit's ADD then INCR per rate (two round trips each)."""
    counts = []
    for group, value, rate in checks:
        key, period = _cache_key(group, value, rate)
        if cache.add(key, 1, period + EXPIRATION_FUDGE):
            counts.append(1)
        else:
            counts.append(cache.incr(key))
    return counts


def _count_on_redis(cache, redis, checks, read=()):
    """Redis: every rate's SET NX EX and INCR in one MULTI/EXEC pipeline, one round trip, with a GET of each
    cache key in `read`. Returns (counts, {key: value} of the keys found, decoded as django-redis does)."""
    pipe = redis.pipeline(transaction=True)
    for group, value, rate in checks:
        key, period = _cache_key(group, value, rate)
        # SET NX EX then INCR: django-ratelimit's ADD and INCR, in one round trip. (EXPIRE NX would need
        # Redis 7; this works on any Redis a provider still runs.)
        key = cache.client.make_key(key)
        pipe.set(key, 0, ex=period + EXPIRATION_FUDGE, nx=True)
        pipe.incr(key)
    for key in read:
        pipe.get(cache.client.make_key(key))
    replies = pipe.execute()
    counted, got = replies[: 2 * len(checks)], replies[2 * len(checks) :]
    values = {key: cache.client.decode(raw) for key, raw in zip(read, got, strict=True) if raw is not None}
    return counted[1::2], values


def give_back(group, value, rate):
    """Take one back from `value`'s count in the current window (a confirmed signature, say), if it is there:
    one round trip (django-redis and LocMemCache decrement only an existing key). Never raises: a lost
    give-back only leaves the limit a little tighter."""
    cache = caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]
    key, _period = _cache_key(group, value, rate)
    try:
        cache.decr(key)
    except Exception:  # noqa: BLE001 (no count in this window, or the cache is down)
        return


def too_many_requests(request):
    """The page a person sees when over a limit: what happened and when to try again (429)."""
    return render(request, "429.html", status=429)


def _redis_client(cache):
    client = getattr(cache, "client", None)
    if client is None or not hasattr(client, "get_client") or not hasattr(client, "make_key"):
        return None
    try:
        return client.get_client(write=True)
    except Exception:  # noqa: BLE001 (no connection yet: the pipeline reports it)
        return None
