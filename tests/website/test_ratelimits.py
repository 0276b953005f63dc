"""Rate limits counted in one round trip: they still limit, at the same rates, on Redis and without it."""

import logging
import os
import uuid

import pytest
from django.core.cache import caches
from django.test import RequestFactory, override_settings
from django_ratelimit import ALL
from django_ratelimit.core import get_usage

from tests.website.outages import RAISING, REDIS_DOWN
from website.request_policy import ratelimits

needs_redis = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")


@pytest.fixture
def request_():
    return RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")


def _group():
    return f"test:{uuid.uuid4().hex}"


def test_the_request_over_the_rate_is_limited(request_):
    group = _group()
    results = [ratelimits.hit(request_, [(group, "v", "3/m")]) for _ in range(5)]
    assert results == [False, False, False, True, True]


def test_every_rate_is_counted_even_when_one_is_already_over(request_):
    tight, loose = _group(), _group()
    ratelimits.hit(request_, [(tight, "v", "1/m"), (loose, "v", "3/m")])
    ratelimits.hit(request_, [(tight, "v", "1/m"), (loose, "v", "3/m")])  # over the tight rate
    assert ratelimits.hit(request_, [(loose, "v", "3/m")]) is False  # third hit on the loose one
    assert ratelimits.hit(request_, [(loose, "v", "3/m")]) is True


def test_values_have_separate_budgets(request_):
    group = _group()
    assert ratelimits.hit(request_, [(group, "a", "1/m")]) is False
    assert ratelimits.hit(request_, [(group, "b", "1/m")]) is False
    assert ratelimits.hit(request_, [(group, "a", "1/m")]) is True


@override_settings(RATELIMIT_ENABLE=False)
def test_switched_off_nothing_is_limited(request_):
    group = _group()
    assert not any(ratelimits.hit(request_, [(group, "v", "1/m")]) for _ in range(3))


def test_one_rate_is_counted_per_client_address_by_default():
    group = _group()
    first = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    second = RequestFactory().post("/", REMOTE_ADDR="192.0.2.2")
    assert ratelimits.exceeded(first, group, "1/m") is False
    assert ratelimits.exceeded(second, group, "1/m") is False
    assert ratelimits.exceeded(first, group, "1/m") is True


@needs_redis
def test_on_redis_it_is_one_pipelined_round_trip_with_an_expiry(request_, monkeypatch):
    cache = caches["default"]
    client = cache.client.get_client(write=True)
    calls = []
    real_pipeline = client.pipeline
    monkeypatch.setattr(client, "pipeline", lambda *a, **k: calls.append(1) or real_pipeline(*a, **k))
    monkeypatch.setattr(type(cache), "add", lambda *a, **k: pytest.fail("two round trips: ADD"))
    group = _group()
    checks = [(group, "v", "2/m"), (group + ":h", "v", "5/h")]
    assert [ratelimits.hit(request_, checks) for _ in range(3)] == [False, False, True]
    assert calls == [1, 1, 1]
    monkeypatch.undo()
    # django-ratelimit reads the very same counter, and it expires with its window.
    usage = get_usage(request_, group=group, key=lambda _g, _r: "v", rate="2/m", method=ALL)
    assert usage["count"] == 3
    assert usage["should_limit"] is True
    keys = client.keys(cache.client.make_key("rl:*"))
    ttls = [client.ttl(key) for key in keys]
    assert ttls
    assert all(0 < ttl <= 3600 + 5 for ttl in ttls)


@pytest.mark.parametrize("down", [REDIS_DOWN, RAISING], ids=["redis-refusing", "raising-backend"])
def test_with_the_cache_down_limits_are_skipped_and_an_error_is_logged(request_, caplog, settings, down):
    with (
        override_settings(CACHES={**settings.CACHES, "down": down}, RATELIMIT_USE_CACHE="down"),
        caplog.at_level(logging.ERROR, "website.request_policy.ratelimits"),
    ):
        group = _group()
        assert [ratelimits.hit(request_, [(group, "v", "1/m")]) for _ in range(3)] == [False, False, False]
    assert "rate limits unavailable" in caplog.text
    assert [record.levelname for record in caplog.records] == ["ERROR"]  # once for the outage


@pytest.mark.parametrize("down", [REDIS_DOWN, RAISING], ids=["redis-refusing", "raising-backend"])
def test_a_limit_guarding_a_secret_fails_closed(request_, settings, down):
    with override_settings(CACHES={**settings.CACHES, "down": down}, RATELIMIT_USE_CACHE="down"):
        assert ratelimits.exceeded(request_, _group(), "100/m", fail_closed=True) is True


def test_a_give_back_frees_one_place_in_the_window(request_):
    group = _group()
    assert ratelimits.hit(request_, [(group, "v", "1/m")]) is False
    ratelimits.give_back(group, "v", "1/m")
    assert ratelimits.hit(request_, [(group, "v", "1/m")]) is False
    assert ratelimits.hit(request_, [(group, "v", "1/m")]) is True
    ratelimits.give_back(_group(), "never-counted", "1/m")  # nothing to give back: no error
