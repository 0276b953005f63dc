"""Rate limits with django-ratelimit's keys and windows, counted in one Redis round trip however many apply.

django-ratelimit's `is_ratelimited` costs two round trips per rate (ADD, then INCR); signing checks three
rates, so six. `hit()` sends every rate's SET NX EX and INCR in one MULTI/EXEC pipeline: each counter
is created with its expiry atomically. Keys and windows are made by django-ratelimit's own functions
(method ALL), so the limits and their windows are unchanged and `get_usage` reads the same counts.
Caches other than Redis (LocMemCache in tests and development) take django-ratelimit's own path.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django_ratelimit import ALL
from django_ratelimit.core import (
    EXPIRATION_FUDGE,
    _get_ip,
    _get_window,
    _make_cache_key,
    _split_rate,
    is_ratelimited,
)

logger = logging.getLogger(__name__)


def hit(request, checks):
    """Count this request against each `(group, value, rate)`; True if any is over its limit.

    Every rate is counted, even after one is found over, so an attacker cannot spend one budget to save
    another. If Redis cannot be reached the request counts as limited (django-ratelimit's fail-closed
    default): signing keeps the signature as rate-limited, lookups answer 429, and a warning is logged.
    """
    if not getattr(settings, "RATELIMIT_ENABLE", True) or not checks:
        return False
    cache = caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]
    redis = _redis_client(cache)
    if redis is None:
        limited = False
        for group, value, rate in checks:
            limited |= is_ratelimited(
                request,
                group=group,
                key=lambda _g, _r, value=value: value,
                rate=rate,
                method=ALL,
                increment=True,
            )
        return limited

    limits = []
    pipe = redis.pipeline(transaction=True)
    for group, value, rate in checks:
        limit, period = _split_rate(rate)
        key = cache.client.make_key(_make_cache_key(group, _get_window(value, period), rate, value, ALL))
        # SET NX EX then INCR: django-ratelimit's ADD and INCR, in one round trip. (EXPIRE NX would need
        # Redis 7; this works on any Redis a provider still runs.)
        pipe.set(key, 0, ex=period + EXPIRATION_FUDGE, nx=True)
        pipe.incr(key)
        limits.append(limit)
    try:
        replies = pipe.execute()
    except Exception as error:  # noqa: BLE001 (any Redis failure: degrade, never fail the request)
        if getattr(cache, "_ignore_exceptions", False):  # django-redis's IGNORE_EXCEPTIONS
            logger.warning(
                "rate limits unavailable (Redis: %s); counting this request as limited", type(error).__name__
            )
            return not getattr(settings, "RATELIMIT_FAIL_OPEN", False)
        raise
    counts = replies[1::2]
    return any(count > limit for count, limit in zip(counts, limits, strict=True))


def client_ip(request):
    """django-ratelimit's "ip" key: the client address, IPv6 masked to its /64."""
    return _get_ip(request)


def _redis_client(cache):
    client = getattr(cache, "client", None)
    if client is None or not hasattr(client, "get_client") or not hasattr(client, "make_key"):
        return None
    try:
        return client.get_client(write=True)
    except Exception:  # noqa: BLE001 (no connection yet: the pipeline reports it)
        return None
