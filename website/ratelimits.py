"""Rate limits: the one way the site counts requests against a limit, and the page it answers when over.

Keys and windows are django-ratelimit's own (its rate syntax, e.g. "5/m", and its cache keys), counted in the
shared cache, so limits hold across processes. `hit()` counts one request against several rates in a single
Redis round trip: each rate's SET NX EX and INCR in one MULTI/EXEC pipeline, so every counter is created
with its expiry atomically (django-ratelimit's `is_ratelimited` costs two round trips per rate). Caches
other than Redis (LocMemCache in tests and development) take django-ratelimit's own path.

Who a request comes from is `website.client_ip.key` unless the caller counts something else (a user, an
email domain).
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.shortcuts import render
from django_ratelimit import ALL
from django_ratelimit.core import (
    EXPIRATION_FUDGE,
    _get_window,
    _make_cache_key,
    _split_rate,
    is_ratelimited,
)

from website import client_ip

logger = logging.getLogger(__name__)


def exceeded(request, group, rate, key=None):
    """Count this request against one `rate` for `group`; True if it is over. `key` defaults to the
    client's address (IPv6 by /64)."""
    return hit(request, [(group, client_ip.key(request) if key is None else key, rate)])


def hit(request, checks):
    """Count this request against each `(group, key, rate)`; True if any is over its limit.

    Every rate is counted, even after one is found over, so an attacker cannot spend one budget to save
    another. If Redis cannot be reached the request counts as limited (django-ratelimit's fail-closed
    default): signing keeps the signature as rate-limited, the other forms answer 429, and a warning is
    logged.
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
