"""The letter tool and the JSON lookup behind a proxy and through a cache outage: limited per person, never
everyone at once, never a server error from a forwarding header, and working when limits cannot be counted."""

import logging

import pytest
from django.test import Client, override_settings

from campaign.models import LetterCount
from tests.campaign.test_letter_page import letter_data, letter_token, post_postcode
from tests.website.outages import OUTAGES, PROXY_SETTINGS, WEIRD_HEADERS, one_window  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_window")]
LOOKUP = "/api/postcode-lookup/"


def behind_nginx(visitor):
    return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": visitor}


def write_a_letter(client, page, mp, **headers):
    looked_up = client.post(page.url, {"step": "postcode", "postcode": "SE1 2DL"}, **headers)
    written = client.post(page.url, letter_data(mp), **headers)
    token = letter_token(written.content.decode())
    pdf = client.post(page.url + "pdf/", {**letter_data(mp), "letter": token}, **headers)
    return looked_up, written, pdf


@override_settings(TRUSTED_PROXY_COUNT=1, LETTER_LOOKUP_RATE="2/m")
def test_behind_the_proxy_each_writer_has_their_own_budget(letter_page, known_postcode, mp):
    for number in range(5):
        responses = write_a_letter(Client(), letter_page, mp, **behind_nginx(f"198.51.100.{number}"))
        assert [response.status_code for response in responses] == [200, 200, 200]
        assert "Your MP is Neil Coyle" in responses[0].content.decode()
    assert LetterCount.objects.get(pk=mp.constituency_id).letters == 5
    # The JSON lookup shares the page's budget, per person: the first writer has one lookup left.
    first_writer = [
        Client().post(LOOKUP, {"postcode": "SE1 2DL"}, **behind_nginx("198.51.100.0")) for _ in "ab"
    ]
    assert [response.status_code for response in first_writer] == [200, 429]
    assert Client().post(LOOKUP, {"postcode": "SE1 2DL"}, **behind_nginx("198.51.100.77")).status_code == 200


@pytest.mark.parametrize("proxies", PROXY_SETTINGS, ids=["none", "count-1", "count-2", "networks"])
def test_no_forwarding_header_makes_the_lookup_or_the_letter_fail(
    client, letter_page, known_postcode, proxies
):
    with override_settings(**proxies, LETTER_LOOKUP_RATE="100000/m"):
        for header in WEIRD_HEADERS:
            extra = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": header, "HTTP_X_REAL_IP": header}
            assert client.post(LOOKUP, {"postcode": "SE1 2DL"}, **extra).json()["kind"] == "ok"
            assert post_postcode(client, letter_page).status_code == 200


@pytest.mark.parametrize("outage", OUTAGES.values(), ids=OUTAGES.keys())
def test_with_the_cache_down_a_letter_is_still_written(
    client, letter_page, known_postcode, mp, caplog, outage
):
    caches, limits_cache = outage
    with (
        override_settings(CACHES=caches, RATELIMIT_USE_CACHE=limits_cache, LETTER_LOOKUP_RATE="1/m"),
        caplog.at_level(logging.ERROR, "website.request_policy.ratelimits"),
    ):
        assert client.get(letter_page.url).status_code == 200
        looked_up, written, pdf = write_a_letter(client, letter_page, mp)
        assert "Your MP is Neil Coyle" in looked_up.content.decode()
        assert "Dear Neil Coyle," in written.content.decode()
        assert pdf.content.startswith(b"%PDF")
        assert client.post(LOOKUP, {"postcode": "SE1 2DL"}).json()["kind"] == "ok"
    assert "rate limits unavailable" in caplog.text
    assert LetterCount.objects.get(pk=mp.constituency_id).letters == 1  # downloaded: counted all the same


@pytest.mark.parametrize("outage", OUTAGES.values(), ids=OUTAGES.keys())
def test_with_the_cache_down_a_replayed_letter_still_counts_once(
    client, letter_page, known_postcode, mp, outage
):
    """The once-per-letter check lives in the database: replaying the token while Redis is away inflates
    nothing."""
    caches, limits_cache = outage
    with override_settings(CACHES=caches, RATELIMIT_USE_CACHE=limits_cache):
        written = client.post(letter_page.url, letter_data(mp))
        token = letter_token(written.content.decode())
        for how in ("email", "copy", "print", "email"):
            assert (
                client.post(letter_page.url + "finished/", {"letter": token, "how": how}).status_code == 204
            )
        pdf = client.post(letter_page.url + "pdf/", {**letter_data(mp), "letter": token})
        assert pdf.content.startswith(b"%PDF")
    assert LetterCount.objects.get(pk=mp.constituency_id).letters == 1
