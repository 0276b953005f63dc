"""The JSON lookup: POST a postcode, get the constituency and MP (for scripts and progressive enhancement)."""

import pytest
from django.core.cache import cache

URL = "/api/postcode-lookup/"


def test_a_posted_postcode_returns_its_constituency_and_mp(client, known_postcode):
    response = client.post(URL, {"postcode": "se1 2dl"})
    assert response.status_code == 200
    assert response.json() == {
        "kind": "ok",
        "message": "Your MP is Neil Coyle, for Bermondsey and Old Southwark.",
        "constituency": {"code": "E14001085", "name": "Bermondsey and Old Southwark", "country": "England"},
        "mp": {"name": "Neil Coyle", "party": "Labour"},
    }
    assert "no-store" in response["Cache-Control"]
    assert b"SE1 2DL" not in response.content  # the answer never echoes the postcode


def test_bad_input_gets_a_kind_message_not_an_error(client, db):
    data = client.post(URL, {"postcode": "\x07" * 5000}).json()
    assert data["kind"] == "absurd" and "doesn't look like a postcode" in data["message"]
    assert client.post(URL, {"postcode": "JE2 4WD"}).json()["kind"] in {"crown_dependency"}


def test_postcodes_never_go_in_the_url(client, db):
    assert client.get(URL, {"postcode": "SE1 2DL"}).status_code == 405


@pytest.mark.django_db
def test_the_lookup_is_rate_limited_per_ip_like_the_page(client, settings):
    settings.LETTER_LOOKUP_RATE = "2/m"
    cache.clear()
    codes = [client.post(URL, {"postcode": "ZZ99 9ZZ"}).status_code for _ in range(3)]
    other_ip = client.post(URL, {"postcode": "ZZ99 9ZZ"}, REMOTE_ADDR="192.0.2.7").status_code
    cache.clear()
    assert codes == [200, 200, 429] and other_ip == 200
