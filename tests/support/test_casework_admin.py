"""Casework in the admin: team-scoped queues, a 403 for other teams' requests, audited everything."""

from datetime import timedelta

import pytest
from django.utils import timezone

from support.models import AuditEntry, CaseNote, ContactAttempt, DisclosureRequest
from support.models.casework import AppendOnlyError
from tests.support.factories import CaseworkerFactory, DisclosureRequestFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/disclosure_requests/"


def case_url(request):
    return f"/admin/disclosure_requests/case/{request.pk}/"


@pytest.fixture
def wales_request(wales_team):
    return DisclosureRequestFactory(
        team=wales_team, police_force="north-wales", person_name="Barnaby Perpetratorson"
    )


@pytest.fixture
def triage_request(triage_team):
    return DisclosureRequestFactory(team=triage_team, police_force="kent", person_name="Someone Elsewhere")


def test_the_queue_lists_only_the_caseworkers_own_team(client, caseworker, wales_request, triage_request):
    client.force_login(caseworker)
    response = client.get(QUEUE)
    content = response.content.decode()
    assert response.status_code == 200
    assert wales_request.reference in content
    assert triage_request.reference not in content
    assert "no-store" in response["Cache-Control"]


def test_the_queue_shows_counts_and_age_per_team(client, caseworker, wales_team):
    DisclosureRequestFactory(team=wales_team)
    DisclosureRequestFactory(team=wales_team, created_at=timezone.now() - timedelta(days=9))
    DisclosureRequestFactory(team=wales_team, created_at=timezone.now() - timedelta(days=12))
    client.force_login(caseworker)
    response = client.get(QUEUE)
    summaries = response.context["team_summaries"]
    assert [summary["team"] for summary in summaries] == [wales_team]
    assert summaries[0]["open"] == 3
    assert summaries[0]["new"] == 3
    assert summaries[0]["unassigned"] == 3
    assert summaries[0]["overdue"] == 2
    assert summaries[0]["oldest_days"] == 12


def test_requests_past_their_first_contact_deadline_are_highlighted_until_contacted(
    client, caseworker, wales_team
):
    request = DisclosureRequestFactory(team=wales_team, created_at=timezone.now() - timedelta(days=8))
    client.force_login(caseworker)
    assert "casework-age--overdue" in client.get(QUEUE).content.decode()
    ContactAttempt.objects.create(request=request, caseworker=caseworker, method="phone", outcome="no_answer")
    assert "casework-age--overdue" not in client.get(QUEUE).content.decode()


def test_the_queue_never_shows_personal_data(client, caseworker, wales_request):
    client.force_login(caseworker)
    content = client.get(QUEUE).content.decode()
    assert "Barnaby" not in content
    assert wales_request.your_name not in content


def test_a_direct_url_to_another_teams_request_answers_403(client, caseworker, triage_request):
    client.force_login(caseworker)
    response = client.get(case_url(triage_request))
    assert response.status_code == 403
    assert "Someone Elsewhere" not in response.content.decode()
    assert client.post(case_url(triage_request), {"action": "claim"}).status_code == 403
    triage_request.refresh_from_db()
    assert triage_request.assigned_to is None
    assert (
        AuditEntry.objects.filter(
            request_id=triage_request.pk, action=AuditEntry.Action.DENIED, user=caseworker
        ).count()
        == 2
    )


def test_staff_outside_the_caseworkers_group_cannot_open_a_request(client, wales_request):
    from django.contrib.auth.models import Group

    editor = CaseworkerFactory.build(username="an-editor")
    editor.save()
    editor.groups.add(Group.objects.get(name="Editors"))
    wales_request.team.members.add(editor)  # even a team member needs the casework permission
    client.force_login(editor)
    assert client.get(case_url(wales_request)).status_code in {302, 403}
    editor.groups.clear()
    editor.groups.add(Group.objects.get(name="Editors"))
    assert client.get(QUEUE).status_code in {302, 403}


def test_the_safe_contact_rules_come_first_and_viewing_is_audited(client, caseworker, wales_request):
    client.force_login(caseworker)
    response = client.get(case_url(wales_request))
    content = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    safe_contact = content.index("Safe contact")
    assert safe_contact < content.index("Barnaby Perpetratorson")
    assert safe_contact < content.index("Weekdays between 10am and 2pm") < content.index("Concerns")
    assert "use a cover name" in content and "Sam from the dental surgery" in content
    entry = AuditEntry.objects.get(request_id=wales_request.pk, action=AuditEntry.Action.VIEWED)
    assert entry.user == caseworker and entry.username == caseworker.username


def test_a_caseworker_claims_changes_status_notes_and_logs_contact_each_audited(
    client, caseworker, wales_request
):
    client.force_login(caseworker)
    url = case_url(wales_request)
    client.post(url, {"action": "claim"})
    client.post(url, {"action": "status", "status": "triaged", "outcome": ""})
    client.post(url, {"action": "note", "text": "Checked the safe times with the team"})
    client.post(
        url, {"action": "contact", "method": "text", "outcome": "message_sent", "note": "Sent as Sam"}
    )
    wales_request.refresh_from_db()
    assert wales_request.assigned_to == caseworker
    assert wales_request.status == DisclosureRequest.Status.TRIAGED
    assert CaseNote.objects.get(request=wales_request).text == "Checked the safe times with the team"
    assert ContactAttempt.objects.get(request=wales_request).note == "Sent as Sam"
    actions = list(AuditEntry.objects.filter(request_id=wales_request.pk).values_list("action", flat=True))
    for action in ["claimed", "status_changed", "note_added", "contact_logged"]:
        assert action in actions
    status_entry = AuditEntry.objects.get(request_id=wales_request.pk, action="status_changed")
    assert status_entry.detail == "New → Triaged"


def test_closing_a_request_records_when_and_reopening_clears_it(client, caseworker, wales_request):
    client.force_login(caseworker)
    client.post(case_url(wales_request), {"action": "status", "status": "closed", "outcome": "disclosed"})
    wales_request.refresh_from_db()
    assert wales_request.closed_at is not None
    assert wales_request.outcome == "disclosed"
    client.post(case_url(wales_request), {"action": "status", "status": "contacted", "outcome": ""})
    wales_request.refresh_from_db()
    assert wales_request.closed_at is None


def test_a_request_can_be_assigned_only_to_a_member_of_its_team(
    client, caseworker, other_caseworker, wales_request, wales_team
):
    teammate = CaseworkerFactory(username="wales-teammate")
    wales_team.members.add(teammate)
    client.force_login(caseworker)
    client.post(case_url(wales_request), {"action": "assign", "assignee": other_caseworker.pk})
    wales_request.refresh_from_db()
    assert wales_request.assigned_to is None
    client.post(case_url(wales_request), {"action": "assign", "assignee": teammate.pk})
    wales_request.refresh_from_db()
    assert wales_request.assigned_to == teammate
    assert AuditEntry.objects.get(action="assigned").detail == "to wales-teammate"


def test_exports_are_audited_and_hold_no_personal_data(client, caseworker, wales_request, triage_request):
    client.force_login(caseworker)
    response = client.get(QUEUE + "?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert wales_request.reference in body
    assert triage_request.reference not in body
    assert "Barnaby" not in body and "07700" not in body
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORTED)
    assert entry.user == caseworker and "1 request" in entry.detail


def test_exported_cells_that_start_like_a_formula_stay_text(client, caseworker, wales_request):
    wales_request.team.name = "=cmd|' /C calc'!A0"
    wales_request.team.save()
    client.force_login(caseworker)
    body = b"".join(client.get(QUEUE + "?export=csv").streaming_content).decode()
    assert "'=cmd" in body and ",=cmd" not in body


def test_notes_contact_attempts_and_audit_entries_are_append_only(wales_request, caseworker):
    note = CaseNote.objects.create(request=wales_request, author=caseworker, text="First")
    note.text = "Rewritten"
    with pytest.raises(AppendOnlyError):
        note.save()
    with pytest.raises(AppendOnlyError):
        note.delete()
    entry = AuditEntry.record(AuditEntry.Action.VIEWED, user=caseworker, request=wales_request)
    entry.detail = "nothing happened"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_caseworkers_cannot_see_or_edit_the_audit_log_teams_or_routing(client, caseworker, wales_request):
    AuditEntry.record(AuditEntry.Action.VIEWED, user=caseworker, request=wales_request)
    client.force_login(caseworker)
    for url in ["/admin/casework_audit_log/", "/admin/casework_teams/", "/admin/routing_rules/"]:
        assert client.get(url).status_code in {302, 403}, url
    assert not caseworker.has_perm("support.change_auditentry")
    assert not caseworker.has_perm("support.delete_auditentry")


def test_administrators_read_the_audit_log_but_cannot_edit_it(client, wales_request):
    from django.contrib.auth.models import Group

    admin = CaseworkerFactory.build(username="an-administrator")
    admin.save()
    admin.groups.add(Group.objects.get(name="Administrators"))
    AuditEntry.record(AuditEntry.Action.VIEWED, request=wales_request, detail="seen")
    client.force_login(admin)
    response = client.get("/admin/casework_audit_log/")
    assert response.status_code == 200
    assert "seen" in response.content.decode()
    assert "/edit/" not in response.content.decode().split("casework_audit_log", 1)[1][:2000]
    # Administrators are not caseworkers: the request itself stays closed to them.
    assert client.get(case_url(wales_request)).status_code in {302, 403}


def test_a_superuser_sees_no_request_outside_their_teams(
    client, wales_request, triage_request, django_user_model
):
    """Being a superuser opens no team's requests: access comes from team membership alone."""
    superuser = django_user_model.objects.create_superuser("root", "root@waymark.test", "a-long-password-1")
    client.force_login(superuser)
    content = client.get(QUEUE).content.decode()
    assert wales_request.reference not in content and triage_request.reference not in content
    assert client.get(case_url(triage_request)).status_code == 403
    assert "Someone Elsewhere" not in client.get(case_url(triage_request)).content.decode()
    export = client.get(QUEUE + "?export=csv")
    body = b"".join(export.streaming_content).decode() if export.status_code == 200 else ""
    assert wales_request.reference not in body and triage_request.reference not in body


# --- Every render of a request's personal data is audited exactly once per action ------------------------


def audit_trail(request):
    return list(
        AuditEntry.objects.filter(request_id=request.pk).order_by("at", "pk").values_list("action", "detail")
    )


def test_posting_an_invalid_action_that_shows_the_case_is_audited(client, caseworker, wales_request):
    """Attack: posting any action (even an invalid status) rendered the whole case with no audit entry."""
    client.force_login(caseworker)
    before = len(audit_trail(wales_request))
    response = client.post(case_url(wales_request), {"action": "status", "status": "not-a-status"})
    assert response.status_code == 200
    assert "Barnaby Perpetratorson" in response.content.decode()
    assert audit_trail(wales_request)[before:] == [("viewed", "Status change refused")]

    response = client.post(case_url(wales_request), {"action": "no-such-action"})
    assert "Barnaby Perpetratorson" in response.content.decode()
    assert "Unknown action." in response.content.decode()
    assert audit_trail(wales_request)[before + 1 :] == [("viewed", "Unknown action refused")]

    for data in (
        {"action": "note", "text": ""},
        {"action": "assign", "assignee": "999999"},
        {"action": "contact", "method": "carrier-pigeon", "outcome": "spoke"},
    ):
        count = len(audit_trail(wales_request))
        assert "Barnaby Perpetratorson" in client.post(case_url(wales_request), data).content.decode()
        assert len(audit_trail(wales_request)) == count + 1
        assert audit_trail(wales_request)[-1][0] == "viewed"


def test_an_action_and_the_page_after_it_are_one_audit_entry(client, caseworker, wales_request):
    """Attack: GETs added an extra "Viewed" entry after every action."""
    client.force_login(caseworker)
    before = len(audit_trail(wales_request))
    response = client.post(case_url(wales_request), {"action": "note", "text": "Rang back"}, follow=True)
    assert response.status_code == 200
    assert "Barnaby Perpetratorson" in response.content.decode()
    assert audit_trail(wales_request)[before:] == [("note_added", "")]
    # The next look is a new view, audited.
    client.get(case_url(wales_request))
    assert audit_trail(wales_request)[before:] == [("note_added", ""), ("viewed", "")]


def test_every_plain_look_at_a_case_is_audited(client, caseworker, wales_request):
    client.force_login(caseworker)
    for _ in range(3):
        client.get(case_url(wales_request))
    assert [action for action, _detail in audit_trail(wales_request)].count("viewed") == 3


def test_an_action_on_one_case_does_not_hide_a_look_at_another(client, caseworker, wales_request, wales_team):
    other = DisclosureRequestFactory(team=wales_team)
    client.force_login(caseworker)
    client.post(case_url(wales_request), {"action": "claim"})
    client.get(case_url(other))
    assert audit_trail(other)[-1] == ("viewed", "")


def test_a_late_return_after_an_action_is_audited_as_a_view(client, caseworker, wales_request, monkeypatch):
    from support.admin.views import CaseView

    client.force_login(caseworker)
    client.post(case_url(wales_request), {"action": "claim"})
    monkeypatch.setattr(CaseView, "ACTED_SECONDS", 0)
    client.get(case_url(wales_request))
    assert [action for action, _detail in audit_trail(wales_request)][-2:] == ["claimed", "viewed"]
