"""Many people, one address (a household, a refuge, an office, a mobile network): nobody is lost silently.

Each distinct mailbox gets its own confirmation and counts once confirmed; the only per-address limit is a
high ceiling on unconfirmed signatures, and reaching it says so, keeps what was typed and stores nothing."""

import logging

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from petition import counting
from petition.models import PetitionCount, Signature
from tests.petition.conftest import confirm_link
from tests.website.outages import OUTAGES

pytestmark = pytest.mark.django_db
CARRIER_NAT = "100.64.12.34"


def test_fifty_people_on_one_address_in_ten_minutes_are_all_emailed_and_all_counted(petition, sign, client):
    for n in range(50):
        response = sign(petition, ip=CARRIER_NAT, email=f"person{n}@example.org", name=f"Person {n}")
        assert response.status_code == 303 and response["Location"].endswith("/check-your-email/")
    assert len(mail.outbox) == 50
    assert {message.to[0] for message in mail.outbox} == {f"person{n}@example.org" for n in range(50)}
    for message in list(mail.outbox):
        assert client.post(confirm_link(message)).status_code == 303
    counting.update_counts(lag_seconds=0)
    assert PetitionCount.objects.get(petition=petition).signature_count == 50
    assert set(Signature.objects.values_list("state", "fraud_reason")) == {("verified", "")}


def test_behind_the_proxy_the_same_holds(petition, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    url = reverse("petition_sign", args=[petition.pk])
    for n in range(50):
        data = {"name": f"P {n}", "email": f"p{n}@example.org", "location": "UK", "postcode": "SW1A 1AA"}
        response = Client().post(url, data, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=CARRIER_NAT)
        assert response.status_code == 303
    assert len(mail.outbox) == 50


def test_at_the_ceiling_the_signer_is_told_to_try_again_and_keeps_what_they_typed(
    petition, sign, petition_settings
):
    petition_settings(unconfirmed_per_address=50)
    for n in range(50):
        sign(petition, ip=CARRIER_NAT, email=f"person{n}@example.org")
    response = sign(
        petition, ip=CARRIER_NAT, email="late.comer@example.org", name="Late Comer", postcode="SE1 2DL"
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == "300"
    assert "try again in a few minutes" in html
    assert 'class="error-summary"' in html  # the same summary as any form error, focused by forms.js
    assert 'value="Late Comer"' in html and 'value="late.comer@example.org"' in html and "SE1 2DL" in html
    assert "We have sent you an email" not in html and "check-your-email" not in response.get("Location", "")
    assert not Signature.objects.filter(canonical_email="late.comer@example.org").exists()
    assert len(mail.outbox) == 50
    # Another address, and another petition, are not held up.
    assert sign(petition, ip="198.51.100.1", email="elsewhere@example.org").status_code == 303


def test_a_confirmation_frees_a_place_under_the_ceiling(petition, sign, client, petition_settings):
    petition_settings(unconfirmed_per_address=50)
    for n in range(50):
        sign(petition, ip=CARRIER_NAT, email=f"person{n}@example.org")
    assert sign(petition, ip=CARRIER_NAT, email="late.comer@example.org").status_code == 429
    assert client.post(confirm_link(mail.outbox[0])).status_code == 303
    assert sign(petition, ip=CARRIER_NAT, email="late.comer@example.org").status_code == 303
    assert Signature.objects.get(canonical_email="late.comer@example.org").state == "pending"


def test_one_ipv6_64_shares_one_ceiling(petition, sign, petition_settings):
    petition_settings(unconfirmed_per_address=50)
    for n in range(50):
        sign(petition, ip=f"2001:db8:aa:bb::{n + 1:x}", email=f"person{n}@example.org")
    assert sign(petition, ip="2001:db8:aa:bb:ffff::1", email="another@example.org").status_code == 429
    assert sign(petition, ip="2001:db8:aa:bc::1", email="another@example.org").status_code == 303


def test_someone_else_signing_with_a_pending_address_changes_nothing_until_its_owner_confirms(
    petition, sign, client
):
    sign(petition, email="alex@example.org", name="Alex Smith", postcode="SW1A 1AA")
    owners_link = confirm_link(mail.outbox[0])
    sign(
        petition,
        ip="198.51.100.66",
        email="ALEX@example.org",
        name="Mallory",
        postcode="SE1 2DL",
        opt_in="on",
    )
    signature = Signature.objects.get()
    assert (signature.name, signature.postcode, signature.opt_in) == ("Alex Smith", "SW1A 1AA", False)
    assert signature.proposed_details["name"] == "Mallory"
    assert mail.outbox[1].to == ["alex@example.org"]  # the new link goes to the mailbox, not to whoever typed
    # Only the newest link works, and only the mailbox owner has it.
    assert client.post(owners_link).status_code == 400
    assert client.post(confirm_link(mail.outbox[1])).status_code == 303
    signature.refresh_from_db()
    assert (signature.state, signature.name, signature.postcode) == ("verified", "Mallory", "SE1 2DL")
    assert signature.proposed_details is None


def test_a_verified_signature_never_takes_proposed_details(petition, sign, client):
    sign(petition)
    client.post(confirm_link(mail.outbox[0]))
    sign(petition, ip="198.51.100.66", name="Mallory")
    signature = Signature.objects.get()
    assert signature.name == "Alex Smith" and signature.proposed_details is None


@pytest.mark.parametrize("outage", OUTAGES.values(), ids=OUTAGES.keys())
def test_with_the_cache_down_signing_still_works_and_logs_the_skipped_limits(petition, sign, caplog, outage):
    caches, limits_cache = outage
    with (
        override_settings(CACHES=caches, RATELIMIT_USE_CACHE=limits_cache),
        caplog.at_level(logging.ERROR, "website.request_policy.ratelimits"),
    ):
        for n in range(3):
            assert sign(petition, ip=CARRIER_NAT, email=f"person{n}@example.org").status_code == 303
    assert len(mail.outbox) == 3
    assert "rate limits unavailable" in caplog.text
