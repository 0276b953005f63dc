"""A Redis that hangs (connections accepted, nothing answered): one short timeout per process opens the
cache's circuit breaker, then pages, forms, rate limits and sessions carry on without it, quietly."""

import logging
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.core.cache import caches
from django.test import Client, override_settings

from website import cache_breaker
from website.request_policy import ratelimits

pytestmark = pytest.mark.django_db

# A behavioural bound only (the suite holds no speed goals): far above one socket timeout, far below a hang.
BOUND = 3


def timed_get(client, path):
    started = time.monotonic()
    response = client.get(path)
    return response, time.monotonic() - started


def test_a_page_costs_one_timeout_then_the_hanging_redis_is_not_touched_again(home, hanging_redis):
    with override_settings(CACHES=hanging_redis.caches()):
        breaker = caches["default"].breaker
        assert not breaker.is_open
        response, seconds = timed_get(Client(), home.url)
        assert response.status_code == 200
        assert seconds < BOUND
        assert breaker.is_open
        touched = hanging_redis.touched()
        assert touched[0] >= 1  # the first request did reach the server

        for _ in range(10):
            response, seconds = timed_get(Client(), home.url)
            assert response.status_code == 200
            assert seconds < BOUND
        assert hanging_redis.touched() == touched


def test_once_its_time_is_up_the_breaker_tries_redis_once_and_stays_open_while_it_hangs(home, hanging_redis):
    with override_settings(CACHES=hanging_redis.caches(breaker_seconds=30)):
        cache = caches["default"]
        now = [1000.0]
        cache.breaker.clock = lambda: now[0]
        assert cache.get("anything") is None  # times out: open
        connections, _ = hanging_redis.touched()
        now[0] += 29
        assert cache.get("anything", "missed") == "missed"
        assert hanging_redis.touched()[0] == connections
        now[0] += 2
        cache.get("anything")  # tried again, and timed out again
        assert hanging_redis.touched()[0] > connections
        assert cache.breaker.is_open


def test_the_breaker_says_once_when_it_opens_and_once_when_it_closes(caplog):
    now = [0.0]
    breaker = cache_breaker.Breaker("redis://cache.example:6379/0", seconds=30, clock=lambda: now[0])
    with caplog.at_level(logging.INFO, "website.cache_breaker"):
        for _ in range(50):
            if breaker.allows():
                breaker.failed(TimeoutError("no answer"))
        now[0] += 31
        assert breaker.allows()
        assert not breaker.allows()  # one try at a time: the others keep skipping
        breaker.succeeded()
        assert breaker.allows() and not breaker.is_open
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2
    assert "not answering (TimeoutError)" in messages[0]
    assert "answering again" in messages[1]


def test_fifty_requests_during_an_outage_write_a_line_not_a_traceback_each(home, hanging_redis, caplog):
    with override_settings(CACHES=hanging_redis.caches()), caplog.at_level(logging.INFO):
        for _ in range(50):
            assert Client().get(home.url).status_code == 200
    from_the_cache = [
        record
        for record in caplog.records
        if record.name.startswith(("website.cache_breaker", "django_redis", "django.contrib.sessions"))
    ]
    assert 1 <= len(from_the_cache) <= 2
    assert not any(record.exc_info for record in from_the_cache)


def test_with_the_breaker_open_rate_limits_cannot_count_and_say_so(rf, hanging_redis, caplog):
    request = rf.post("/", REMOTE_ADDR="192.0.2.7")
    with (
        override_settings(CACHES=hanging_redis.caches()),
        caplog.at_level(logging.ERROR, "website.request_policy.ratelimits"),
    ):
        assert ratelimits.exceeded(request, "test-hang", "1/h") is False  # the pipeline times out
        assert caches["default"].breaker.is_open
        touched = hanging_redis.touched()
        assert ratelimits.exceeded(request, "test-hang", "1/h") is False
        assert ratelimits.exceeded(request, "test-hang", "1/h", fail_closed=True) is True
        assert hanging_redis.touched() == touched
    assert caplog.text.count("rate limits unavailable") == 1  # one outage, one line


def test_a_session_signed_out_while_the_cache_hung_does_not_come_back_with_it(client, settings):
    from tests.website.broken_cache import Blips

    settings.CACHES = {"default": {"BACKEND": "tests.website.broken_cache.BlippingCache", "LOCATION": "out"}}
    staff = get_user_model().objects.create_superuser("boss", "boss@waymark.example", "a-long-password-1")
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200
    old_cookie = client.cookies["sessionid"].value
    cache = caches["default"]
    assert cache.get(KEY_PREFIX + old_cookie) is not None  # the copy the blip will leave behind

    Blips.hanging = True
    try:
        assert client.post("/admin/logout/").status_code == 302
    finally:
        Blips.hanging = False
    cache.breaker.succeeded()  # Redis is back
    assert cache.get(KEY_PREFIX + old_cookie) is not None  # the stale, signed-in copy is still there

    thief = Client()
    thief.cookies["sessionid"] = old_cookie
    response = thief.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert cache.get(KEY_PREFIX + old_cookie) is None  # and the stale copy is gone


def test_the_form_answers_key_is_the_one_the_session_store_reads_from_the_database():
    from support import form_state
    from website import session_store

    assert form_state.SESSION_KEY in session_store.EXACT_KEYS


def test_a_web_process_keeps_its_own_short_lived_copies_while_redis_hangs(hanging_redis, monkeypatch):
    from django_redis.cache import RedisCache

    with override_settings(CACHES=hanging_redis.caches(LOCAL_SECONDS=10)):
        cache = caches["default"]
        assert cache.get("fragment") is None  # times out: open
        touched = hanging_redis.touched()
        cache.set("fragment", "<nav>…</nav>", timeout=None)
        assert cache.get("fragment") == "<nav>…</nav>"  # made once, not again for every request
        assert cache.get_many(["fragment", "other"]) == {"fragment": "<nav>…</nav>"}
        assert cache.incr("rl:count") is None  # a count in one process limits nothing
        assert hanging_redis.touched() == touched
        # Kept no longer than LOCAL_SECONDS, even when asked to keep it for ever.
        assert cache.local.get_backend_timeout(None) <= time.time() + 10

        # Redis answers again (its breaker lets one call through): the outage's copies are dropped.
        cache.breaker.clock = lambda: time.monotonic() + 31
        monkeypatch.setattr(RedisCache, "get", lambda self, key, default=None, **kwargs: default)
        assert cache.get("fragment") is None
        assert not cache.breaker.is_open
        assert cache.local.get("fragment") is None


def test_without_local_copies_a_skipped_cache_keeps_nothing(hanging_redis):
    with override_settings(CACHES=hanging_redis.caches()):
        cache = caches["default"]
        cache.get("fragment")
        assert cache.local is None
        cache.set("fragment", "x")
        assert cache.get("fragment") is None
