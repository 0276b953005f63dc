"""A cache backend whose every operation fails, as a cache server that has gone away would."""

from django.core.cache.backends.base import BaseCache


class CacheDown(ConnectionError):
    pass


class RaisingCache(BaseCache):
    def __init__(self, location=None, params=None):
        super().__init__(params or {})

    def _fail(self, *args, **kwargs):
        raise CacheDown("the cache server is gone")

    add = get = set = touch = delete = incr = decr = has_key = clear = get_many = set_many = _fail
    delete_many = get_or_set = _fail
