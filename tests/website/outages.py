"""Rate-limit test helpers: one fixed window, and cache settings for outages (Redis refusing connections, set
up as production sets it up, or a backend whose every call raises, or a Redis that accepts connections and
never answers). Shared by the forms' tests."""

import socket
import threading

import pytest


def fixed_windows(monkeypatch):
    """Every rate-limit window is one and the same for the whole test, starting empty, so no test depends on
    the clock (a window ending mid-test would reset a count the test is building up)."""
    from django.core.cache import cache

    monkeypatch.setattr("website.request_policy.ratelimits._get_window", lambda value, period: 1)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def one_window(monkeypatch):
    yield from fixed_windows(monkeypatch)


REDIS_DOWN = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
}
RAISING = {"BACKEND": "tests.website.broken_cache.RaisingCache"}

# (CACHES, RATELIMIT_USE_CACHE): the whole shared cache down, as production sees Redis go away; or the cache
# the limits count in raising on every call.
OUTAGES = {
    "redis-down": ({"default": REDIS_DOWN}, "default"),
    "limits-cache-raises": (
        {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "limits": RAISING},
        "limits",
    ),
}

# What clients can put in X-Forwarded-For and X-Real-IP.
WEIRD_HEADERS = [
    "",
    " ",
    ",,,",
    "unknown",
    "203.0.113.5, unknown",
    "198.51.100.1, 203.0.113.9, 192.0.2.44",
    "[2001:db8::1",
    "2001:db8::1, ::ffff:10.0.0.1",
    "1.2.3.4:99999:1",
    "\x00\x7f",
    "💥",
    "for=192.0.2.60;proto=http",
    "1.2.3.4, " * 500,
]
PROXY_SETTINGS = [
    {},
    {"TRUSTED_PROXY_COUNT": 1},
    {"TRUSTED_PROXY_COUNT": 2},
    {"TRUSTED_PROXY_NETWORKS": ["127.0.0.0/8", "::1/128"]},
]


class HangingRedis:
    """A TCP server on 127.0.0.1 that accepts connections and never answers, as a Redis that hangs: it reads
    what it is sent and counts the connections and bytes, so a test can tell whether anything was tried."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.port = self.listener.getsockname()[1]
        self.connections = 0
        self.bytes_received = 0
        self._open = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def caches(self, timeout=0.25, breaker_seconds=30, **options):
        """CACHES as base.py writes them for REDIS_URL, pointed here (with `options`: LOCAL_SECONDS…)."""
        return {
            "default": {
                "BACKEND": "website.cache_breaker.CircuitBreakerRedisCache",
                "LOCATION": self.url,
                "OPTIONS": {
                    "SOCKET_CONNECT_TIMEOUT": timeout,
                    "SOCKET_TIMEOUT": timeout,
                    "BREAKER_SECONDS": breaker_seconds,
                    **options,
                },
            }
        }

    def touched(self):
        with self._lock:
            return self.connections, self.bytes_received

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:  # closed
                return
            with self._lock:
                self.connections += 1
                self._open.append(connection)
            threading.Thread(target=self._swallow, args=(connection,), daemon=True).start()

    def _swallow(self, connection):
        while True:
            try:
                data = connection.recv(65536)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self.bytes_received += len(data)

    def close(self):
        self.listener.close()
        with self._lock:
            for connection in self._open:
                connection.close()


@pytest.fixture
def hanging_redis():
    from website import cache_breaker

    server = HangingRedis()
    yield server
    server.close()
    cache_breaker._breakers.pop(server.url, None)
