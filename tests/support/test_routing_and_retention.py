"""Routing rules send each request to its team; retention deletes personal data and keeps the counts."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from support import police_forces, tasks
from support.models import AuditEntry, CaseNote, ContactAttempt, DisclosureRequest
from support.models.casework import team_for_force
from support.tasks import delete_expired_disclosure_data
from tests.support.factories import CaseworkTeamFactory, DisclosureRequestFactory, RoutingRuleFactory

pytestmark = pytest.mark.django_db


def test_there_are_the_43_forces_of_england_and_wales_plus_scotland_northern_ireland_and_btp():
    countries = [force.country for force in police_forces.FORCES]
    assert countries.count("England") + countries.count("Wales") == 43
    assert {"Police Scotland", "Police Service of Northern Ireland", "British Transport Police"} <= {
        force.name for force in police_forces.FORCES
    }
    assert len({force.key for force in police_forces.FORCES}) == 46
    assert len(police_forces.BY_PFA) == 45  # every force but BTP has an ONS PFA code


def test_a_routing_rule_sends_its_force_to_its_team(triage_team, wales_team):
    assert team_for_force("gwent") == wales_team


def test_an_unmatched_force_goes_to_the_default_triage_team(triage_team, wales_team):
    assert team_for_force("kent") == triage_team


def test_a_rule_for_another_force_does_not_capture_this_one(triage_team):
    RoutingRuleFactory(police_force="metropolitan", team=CaseworkTeamFactory(name="London"))
    assert team_for_force("city-of-london") == triage_team


def test_only_one_team_can_be_the_default(triage_team):
    from django.core.exceptions import ValidationError

    second = CaseworkTeamFactory.build(name="Another", is_default=True)
    with pytest.raises(ValidationError):
        second.full_clean()


def closed_request(days_ago, **kwargs):
    request = DisclosureRequestFactory(**kwargs)
    request.set_status(DisclosureRequest.Status.CLOSED)
    request.outcome = DisclosureRequest.Outcome.DISCLOSED
    request.save()
    closed_at = timezone.now() - timedelta(days=days_ago)
    DisclosureRequest.objects.filter(pk=request.pk).update(closed_at=closed_at)
    CaseNote.objects.create(request=request, text="Spoke to Alex about Jordan")
    ContactAttempt.objects.create(request=request, method="phone", outcome="spoke", note="Said I was Sam")
    return request


def test_retention_deletes_personal_data_of_long_closed_requests_and_keeps_counts():
    assert tasks.RETENTION_DAYS == 365
    old = closed_request(400, police_force="gwent")
    recent = closed_request(100)
    still_open = DisclosureRequestFactory(created_at=timezone.now() - timedelta(days=800))

    assert delete_expired_disclosure_data.call() == 1

    old.refresh_from_db()
    for name in DisclosureRequest.PERSONAL_FIELDS:
        assert getattr(old, name) == "", name
    assert old.personal_data_deleted_at is not None
    assert not CaseNote.objects.filter(request=old).exists()
    assert ContactAttempt.objects.get(request=old).note == ""
    # The anonymous counts remain: one closed, disclosed request for Gwent.
    assert (
        DisclosureRequest.objects.filter(police_force="gwent", status="closed", outcome="disclosed").count()
        == 1
    )
    entry = AuditEntry.objects.get(action=AuditEntry.Action.PERSONAL_DATA_DELETED)
    assert entry.request_id == old.pk and entry.user is None
    with connection.cursor() as cursor:
        cursor.execute("SELECT person_name, concerns FROM support_disclosurerequest WHERE id = %s", [old.pk])
        assert cursor.fetchone() == ("", "")

    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.person_name and still_open.person_name
    assert CaseNote.objects.filter(request=recent).exists()


def test_the_retention_period_is_configurable(monkeypatch):
    request = closed_request(40)
    monkeypatch.setattr(tasks, "RETENTION_DAYS", 60)
    assert delete_expired_disclosure_data.call() == 0
    monkeypatch.setattr(tasks, "RETENTION_DAYS", 30)
    assert delete_expired_disclosure_data.call() == 1
    request.refresh_from_db()
    assert request.person_name == ""


def test_retention_runs_once_per_request_and_is_on_the_schedule(settings):
    closed_request(400)
    assert delete_expired_disclosure_data.call() == 1
    assert delete_expired_disclosure_data.call() == 0
    assert ("support.tasks.delete_expired_disclosure_data", 60 * 60 * 6) in settings.PERIODIC_TASKS
    call_command("run_scheduler", "--once")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.PERSONAL_DATA_DELETED).count() == 1


def test_retention_erases_even_a_row_no_key_can_decrypt(settings):
    from cryptography.fernet import Fernet

    request = closed_request(400)
    keys = settings.DISCLOSURE_ENCRYPTION_KEYS
    settings.DISCLOSURE_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    assert delete_expired_disclosure_data.call() == 1
    settings.DISCLOSURE_ENCRYPTION_KEYS = keys
    assert DisclosureRequest.objects.get(pk=request.pk).person_name == ""
