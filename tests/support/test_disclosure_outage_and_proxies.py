"""The disclosure form behind a proxy and through a cache outage: limited per person, never everyone at once,
never a server error from a forwarding header, and still working when the limits cannot be counted."""

import logging

import pytest
from django.test import Client, override_settings

from support.models import DisclosureRequest
from tests.support.conftest import VALID_STEPS, fill_in
from tests.website.outages import OUTAGES, PROXY_SETTINGS, WEIRD_HEADERS, one_window  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_window")]


def fill_in_from(client, url, **headers):
    return fill_in(client, url, **headers)


def behind_nginx(visitor):
    return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": visitor}


@override_settings(TRUSTED_PROXY_COUNT=1, DISCLOSURE_STEP_RATE="6/h", DISCLOSURE_SUBMIT_RATE="1/h")
def test_behind_the_proxy_each_survivor_has_their_own_budget(request_page, wales_team):
    for number in range(4):
        response = fill_in_from(Client(), request_page.url, **behind_nginx(f"198.51.100.{number}"))
        assert response["Location"] == request_page.url + "sent/"
    assert DisclosureRequest.objects.count() == 4
    # One person over their own limit is limited; a forged header does not give them a fresh budget.
    again = fill_in_from(Client(), request_page.url, **behind_nginx("6.6.6.6, 198.51.100.0"))
    assert again.status_code == 429
    assert DisclosureRequest.objects.count() == 4


@pytest.mark.parametrize("proxies", PROXY_SETTINGS, ids=["none", "count-1", "count-2", "networks"])
def test_no_forwarding_header_makes_the_form_fail(client, request_page, wales_team, proxies):
    with override_settings(**proxies, DISCLOSURE_STEP_RATE="100000/h"):
        for header in WEIRD_HEADERS:
            extra = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": header, "HTTP_X_REAL_IP": header}
            assert client.get(request_page.url, **extra).status_code == 200
            response = client.post(
                request_page.url, {"step": 0, "action": "continue", **VALID_STEPS[0]}, **extra
            )
            assert response.status_code == 302, header


@pytest.mark.parametrize("outage", OUTAGES.values(), ids=OUTAGES.keys())
def test_with_the_cache_down_a_survivor_still_sends_a_request(
    client, request_page, wales_team, caplog, outage
):
    caches, limits_cache = outage
    with (
        override_settings(CACHES=caches, RATELIMIT_USE_CACHE=limits_cache, DISCLOSURE_STEP_RATE="1/h"),
        caplog.at_level(logging.ERROR, "website.request_policy.ratelimits"),
    ):
        assert client.get(request_page.url).status_code == 200
        response = fill_in_from(client, request_page.url)
        assert response["Location"] == request_page.url + "sent/"
        assert client.get(response["Location"]).status_code == 200
    assert DisclosureRequest.objects.get().team == wales_team
    assert "rate limits unavailable" in caplog.text


def test_fifty_posts_during_an_outage_log_it_once_and_its_end_once(client, request_page, wales_team, caplog):
    caches, limits_cache = OUTAGES["redis-down"]
    step = {"step": 0, "action": "continue", **VALID_STEPS[0]}
    with caplog.at_level(logging.INFO, "website.request_policy.ratelimits"):
        with override_settings(CACHES=caches, RATELIMIT_USE_CACHE=limits_cache):
            for _ in range(50):
                assert client.post(request_page.url, step).status_code == 302
        assert caplog.text.count("rate limits unavailable") == 1
        assert "counted again" not in caplog.text
        for _ in range(3):  # the cache is back
            assert client.post(request_page.url, step).status_code == 302
    lines = [record for record in caplog.records if record.name == "website.request_policy.ratelimits"]
    assert [record.levelname for record in lines] == ["ERROR", "WARNING"]
    assert "counted again" in lines[1].getMessage()
