"""Alerts: Campaign managers hear when one network or domain signs a lot in an hour."""

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from petition.alerts import check_signature_alerts
from petition.models import PetitionSettings
from tests.petition.factories import SignatureFactory
from website.staff.groups import CAMPAIGN_MANAGERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(db):
    user = User.objects.create_user("manager", "manager@waymark.example", "x")
    user.groups.add(Group.objects.get_or_create(name=CAMPAIGN_MANAGERS)[0])
    return user


def test_managers_are_emailed_once_when_a_network_passes_the_threshold(petition, manager, petition_settings):
    petition_settings(alert_threshold=5)
    for _ in range(5):
        SignatureFactory(petition=petition, verified=True, ip_hash="f" * 64, email_domain="example.org")
    alerts = check_signature_alerts()
    assert {a["kind"] for a in alerts} == {"network", "email domain"}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["manager@waymark.example"]
    assert "example.org" in mail.outbox[0].body and "ffffffffffff" in mail.outbox[0].body
    assert "f" * 64 not in mail.outbox[0].body
    assert check_signature_alerts() == []  # not again within the hour


def test_no_alert_below_the_threshold_or_for_unverified_signatures(petition, manager, petition_settings):
    petition_settings(alert_threshold=5)
    for _ in range(4):
        SignatureFactory(petition=petition, verified=True, ip_hash="e" * 64)
    for _ in range(3):
        SignatureFactory(petition=petition, ip_hash="e" * 64)
    assert check_signature_alerts() == []
    assert mail.outbox == []


def test_the_default_threshold_is_100_an_hour(petition):
    assert PetitionSettings.limits_for_page(petition).alert_threshold == 100
    assert PetitionSettings().alert_threshold == 100


def test_managers_hear_of_one_address_sending_many_unconfirmed_signatures(
    petition, manager, petition_settings
):
    petition_settings(alert_threshold=5)
    for n in range(5):
        SignatureFactory(petition=petition, ip_hash="d" * 64, email_domain=f"d{n}.example")
    alerts = check_signature_alerts()
    assert [(a["kind"], a["value"], a["count"]) for a in alerts] == [("network, unconfirmed,", "d" * 12, 5)]
    assert "5 from network, unconfirmed, dddddddddddd" in mail.outbox[0].body
    assert check_signature_alerts() == []


def test_signers_in_one_ipv6_64_alert_as_one_network(petition, manager, petition_settings, sign):
    petition_settings(alert_threshold=3)
    for n in range(3):
        sign(petition, ip=f"2001:db8:7:7::{n + 1}", email=f"s{n}@d{n}.example")
    assert [a["kind"] for a in check_signature_alerts()] == ["network, unconfirmed,"]
