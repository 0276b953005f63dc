"""Abuse controls: rate limits, blocked networks and domains, the honeypot. Everyone sees the same page."""

import pytest
from django.core import mail

from petition.models import BlockedDomain, BlockedNetwork, Signature

pytestmark = pytest.mark.django_db


def test_one_signature_a_minute_per_ip_per_petition_then_kept_as_fraudulent(petition, sign):
    first = sign(petition, email="one@example.org")
    second = sign(petition, email="two@example.org")
    assert first["Location"] == second["Location"]
    states = dict(Signature.objects.values_list("canonical_email", "state"))
    assert states == {"one@example.org": "pending", "two@example.org": "fraudulent"}
    assert Signature.objects.get(canonical_email="two@example.org").fraud_reason == "rate_limited"
    assert len(mail.outbox) == 1


def test_rate_limits_are_per_petition(petition, home, sign):
    from tests.petition.factories import PetitionPageFactory

    other = PetitionPageFactory(parent=home, slug="other")
    sign(petition, email="one@example.org")
    sign(other, email="two@example.org")
    assert set(Signature.objects.values_list("state", flat=True)) == {"pending"}


def test_rates_come_from_settings(petition, sign, petition_settings):
    petition_settings(ip_rates="3/m")
    for n in range(4):
        sign(petition, email=f"s{n}@example.org")
    assert Signature.objects.filter(state="fraudulent").count() == 1


def test_five_in_five_minutes_per_ip(petition, sign, petition_settings):
    petition_settings(ip_rates="100/m, 5/5m")
    for n in range(6):
        sign(petition, email=f"s{n}@example.org")
    assert Signature.objects.filter(state="pending").count() == 5
    assert Signature.objects.filter(state="fraudulent").count() == 1


def test_per_domain_rate_limit(petition, sign, petition_settings):
    petition_settings(domain_rates="2/m")
    for n in range(3):
        sign(petition, ip=f"203.0.113.{n + 1}", email=f"s{n}@example.org")
    assert Signature.objects.filter(state="fraudulent").count() == 1


def test_a_rate_limited_signer_who_signs_later_gets_a_confirmation(petition, sign, settings):
    sign(petition, email="one@example.org")
    sign(petition, email="two@example.org")  # rate-limited
    sign(petition, ip="203.0.113.99", email="two@example.org")
    assert Signature.objects.get(canonical_email="two@example.org").state == "pending"
    assert len(mail.outbox) == 2


def test_blocked_networks_are_kept_as_fraudulent_silently(petition, sign):
    network = BlockedNetwork(network="198.51.100.0/24")
    network.full_clean()
    network.save()
    response = sign(petition, ip="198.51.100.77")
    assert response["Location"].endswith("/check-your-email/")
    assert Signature.objects.get().fraud_reason == "blocked_ip"
    assert mail.outbox == []


def test_blocked_network_ranges_are_validated(petition):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        BlockedNetwork(network="not-a-network").full_clean()


def test_blocked_domains_are_kept_as_fraudulent_silently(petition, sign):
    BlockedDomain.objects.create(domain="spam.example", kind=BlockedDomain.Kind.BLOCKED)
    response = sign(petition, email="x@spam.example")
    assert response.status_code == 303
    assert Signature.objects.get().fraud_reason == "blocked_domain"
    assert mail.outbox == []


def test_the_honeypot_keeps_bots_as_fraudulent(petition, sign):
    response = sign(petition, website="http://spam.example")
    assert response.status_code == 303
    assert Signature.objects.get().fraud_reason == "honeypot"
    assert mail.outbox == []


def test_a_verified_signature_is_not_touched_by_a_rate_limited_resign(petition, sign, client):
    from tests.petition.conftest import confirm_link

    sign(petition)
    client.post(confirm_link(mail.outbox[0]))
    sent = len(mail.outbox)
    sign(petition, name="Someone Else")  # same IP, rate-limited
    signature = Signature.objects.get()
    assert signature.state == "verified" and signature.name == "Alex Smith"
    assert len(mail.outbox) == sent


def test_signing_is_cheap(petition, sign, django_assert_max_num_queries, settings):
    from django.db import connection

    # The email task as a row, as in production (tests otherwise run tasks at once).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sign(petition, email="warm@example.org", ip="203.0.113.200")  # loads the cached rules
    # The petition by primary key, the postcode lookup, and the signature with its email task: one
    # statement on PostgreSQL (website.task_rows), two INSERTs elsewhere. Plus SAVEPOINT and RELEASE,
    # because tests run inside a transaction.
    with django_assert_max_num_queries(5 if connection.vendor == "postgresql" else 6):
        sign(petition, email="new@example.org", ip="203.0.113.201")
