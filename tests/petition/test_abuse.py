"""Abuse controls: domain limits, blocked networks and domains, the honeypot; IPv6 by its /64."""

import pytest
from django.core import mail

from petition.models import BlockedDomain, BlockedNetwork, Signature

pytestmark = pytest.mark.django_db


def test_the_domain_rate_turns_people_away_honestly_and_stores_nothing(petition, sign, petition_settings):
    petition_settings(domain_rates="2/m")
    for n in range(2):
        assert sign(petition, ip=f"203.0.113.{n + 1}", email=f"s{n}@example.org").status_code == 303
    response = sign(petition, ip="203.0.113.3", email="s2@example.org", name="Third Person")
    assert response.status_code == 429
    assert "try again in a few minutes" in response.content.decode()
    assert 'value="Third Person"' in response.content.decode()
    assert "We have sent you an email" not in response.content.decode()
    assert Signature.objects.count() == 2 and len(mail.outbox) == 2
    # Other domains are not held up.
    assert sign(petition, ip="203.0.113.3", email="s2@elsewhere.example").status_code == 303


def test_limits_are_per_petition(petition, home, sign, petition_settings):
    from tests.petition.factories import PetitionPageFactory

    petition_settings(domain_rates="1/m")
    other = PetitionPageFactory(parent=home, slug="other")
    sign(petition, email="one@example.org")
    sign(other, email="two@example.org")
    assert set(Signature.objects.values_list("state", flat=True)) == {"pending"}


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


def test_a_verified_signature_is_not_touched_by_signing_again(petition, sign, client):
    from tests.petition.conftest import confirm_link

    sign(petition)
    client.post(confirm_link(mail.outbox[0]))
    sign(petition, name="Someone Else", postcode="SE1 2DL")
    signature = Signature.objects.get()
    assert signature.state == "verified" and signature.name == "Alex Smith"
    assert signature.postcode == "SW1A 1AA" and signature.proposed_details is None
    assert "already signed" in mail.outbox[-1].subject.lower()


def test_a_blocked_ipv6_address_blocks_its_whole_64(petition, sign):
    network = BlockedNetwork(network="2001:db8:5:6::1")
    network.full_clean()
    network.save()
    assert network.network == "2001:db8:5:6::/64"
    sign(petition, ip="2001:db8:5:6:aaaa::9", email="a@example.org")
    sign(petition, ip="2001:db8:5:7::9", email="b@example.org")
    states = dict(Signature.objects.values_list("canonical_email", "fraud_reason"))
    assert states == {"a@example.org": "blocked_ip", "b@example.org": ""}


def test_a_narrow_ipv6_range_saved_before_still_blocks_its_64(petition, sign):
    BlockedNetwork.objects.create(network="2001:db8:5:6::1/128")  # saved without clean(), as old rows were
    sign(petition, ip="2001:db8:5:6:ffff::1")
    assert Signature.objects.get().fraud_reason == "blocked_ip"


def test_an_ipv6_64_hashes_as_one_address(petition, sign):
    from petition import abuse

    sign(petition, ip="2001:db8:1:2::1", email="a@example.org")
    sign(petition, ip="2001:db8:1:2:9999::2", email="b@example.org")
    sign(petition, ip="2001:db8:1:3::1", email="c@example.org")
    hashes = dict(Signature.objects.values_list("canonical_email", "ip_hash"))
    assert hashes["a@example.org"] == hashes["b@example.org"] != hashes["c@example.org"]
    assert abuse.hash_ip("2001:db8:1:2::77") == abuse.hash_ip("2001:db8:1:2::") == hashes["a@example.org"]


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
