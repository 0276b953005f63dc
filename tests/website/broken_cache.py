"""Cache backends for outages: one whose every operation fails, as a cache server that has gone away would,
and one that stops answering for a while and comes back with what it held."""

from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import TimeoutError as RedisTimeoutError

from website.cache_breaker import CircuitBreaker


class CacheDown(ConnectionError):
    pass


class RaisingCache(BaseCache):
    def __init__(self, location=None, params=None):
        super().__init__(params or {})

    def _fail(self, *args, **kwargs):
        raise CacheDown("the cache server is gone")

    add = get = set = touch = delete = incr = decr = has_key = clear = get_many = set_many = _fail
    delete_many = get_or_set = _fail


class Blips(LocMemCache):
    """A local cache that, while `hanging` is set, raises what redis-py raises when Redis stops answering:
    everything stored before the blip is still there after it, as in a Redis that hung and came back."""

    hanging = False

    def _wait(self):
        if type(self).hanging:
            raise RedisTimeoutError("Timeout reading from socket")


def _blipping(method):
    def blip(self, *args, **kwargs):
        self._wait()
        return method(self, *args, **kwargs)

    return blip


for _name in ("add", "get", "set", "touch", "delete", "incr", "has_key", "clear"):
    setattr(Blips, _name, _blipping(getattr(LocMemCache, _name)))


class BlippingCache(CircuitBreaker, Blips):
    """Blips behind the production circuit breaker (website/cache_breaker.py)."""
