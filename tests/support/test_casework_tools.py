"""Casework tools: reference search, assigning, safety flags, subject access, erasure, dashboard, reminder."""

import json
from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from support import tasks
from support.models import AuditEntry, CaseNote, ContactAttempt, DisclosureRequest
from tests.support.factories import CaseworkerFactory, DisclosureRequestFactory, UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/disclosure_requests/"
HOME = "/admin/"


def case_url(request):
    return f"/admin/disclosure_requests/case/{request.pk}/"


def long_ago(days=20):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def wales_request(wales_team):
    return DisclosureRequestFactory(team=wales_team, police_force="north-wales", nation="wales")


def audit_actions(request):
    return list(AuditEntry.objects.filter(request_id=request.pk).values_list("action", flat=True))


# --- Search by reference ---------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["{ref}", "{lower}", "{spaced}", "{body}", "{tail}"])
def test_searching_the_queue_by_reference_finds_that_request_only(client, caseworker, wales_team, typed):
    wanted = DisclosureRequestFactory(team=wales_team)
    others = [DisclosureRequestFactory(team=wales_team) for _ in range(3)]
    ref = wanted.reference
    query = typed.format(
        ref=ref,
        lower=ref.lower(),
        spaced=ref.replace("-", " ").lower(),
        body=ref[3:].replace("-", ""),
        tail=ref[-4:],
    )
    client.force_login(caseworker)
    content = client.get(QUEUE, {"q": query}).content.decode()
    assert case_url(wanted) in content
    for other in others:
        assert case_url(other) not in content


def test_searching_by_reference_never_reaches_another_teams_request(client, caseworker, triage_team):
    elsewhere = DisclosureRequestFactory(team=triage_team)
    client.force_login(caseworker)
    assert case_url(elsewhere) not in client.get(QUEUE, {"q": elsewhere.reference}).content.decode()


def test_search_does_not_look_inside_personal_data(client, caseworker, wales_request):
    client.force_login(caseworker)
    assert case_url(wales_request) in client.get(QUEUE).content.decode()
    assert case_url(wales_request) not in client.get(QUEUE, {"q": wales_request.your_name}).content.decode()


# --- Assigning -------------------------------------------------------------------------------------------


def test_assign_to_preselects_the_caseworker_on_an_unassigned_request(client, caseworker, wales_request):
    client.force_login(caseworker)
    form = client.get(case_url(wales_request)).context["assign_form"]
    assert form["assignee"].value() == caseworker.pk


def test_after_claiming_assign_to_shows_the_current_assignee(client, caseworker, wales_team, wales_request):
    colleague = CaseworkerFactory(username="colleague")
    wales_team.members.add(colleague)
    client.force_login(colleague)
    client.post(case_url(wales_request), {"action": "claim"})
    client.force_login(caseworker)
    response = client.get(case_url(wales_request))
    assert response.context["assign_form"]["assignee"].value() == colleague.pk
    assert f'<option value="{colleague.pk}" selected>' in response.content.decode()


# --- Safety flags ----------------------------------------------------------------------------------------


def test_a_caseworker_sets_safety_flags_and_the_change_is_audited_without_naming_them(
    client, caseworker, wales_request
):
    client.force_login(caseworker)
    client.post(
        case_url(wales_request),
        {"action": "flags", "safety_flags": ["perpetrator_sees_post", "immediate_harm"]},
    )
    wales_request.refresh_from_db()
    assert wales_request.safety_flags == ["immediate_harm", "perpetrator_sees_post"]
    entry = AuditEntry.objects.get(request_id=wales_request.pk, action=AuditEntry.Action.FLAGS_CHANGED)
    assert entry.username == caseworker.username
    assert "harm" not in entry.detail and "post" not in entry.detail


def test_an_unknown_flag_is_refused_with_a_message_and_nothing_changes(client, caseworker, wales_request):
    client.force_login(caseworker)
    response = client.post(case_url(wales_request), {"action": "flags", "safety_flags": ["made_up"]})
    assert response.status_code == 200
    assert "not one of the available choices" in response.content.decode()
    wales_request.refresh_from_db()
    assert wales_request.safety_flags == []


def test_flags_come_first_in_the_queue_row_on_the_case_page_and_on_the_dashboard(
    client, caseworker, wales_team
):
    flagged = DisclosureRequestFactory(team=wales_team, safety_flags=["immediate_harm", "do_not_call"])
    client.force_login(caseworker)

    queue = client.get(QUEUE).content.decode()
    row = queue[queue.index("Risk of immediate harm") - 2000 : queue.index(flagged.reference)]
    assert "Risk of immediate harm" in row and "Do not call" in row
    assert queue.index("Risk of immediate harm") < queue.index(flagged.reference)

    case = client.get(case_url(flagged)).content.decode()
    main = case[case.index('class="casework-case"') :]
    assert main.index("Risk of immediate harm") < main.index("Safe contact: read before any contact")

    home = client.get(HOME).content.decode()
    panel = home[home.index('id="casework-unassigned') :]
    assert panel.index("Risk of immediate harm") < panel.index(flagged.reference)


def test_flagged_requests_are_listed_first_on_the_dashboard(client, caseworker, wales_team):
    plain = DisclosureRequestFactory(team=wales_team, created_at=long_ago(1))
    flagged = DisclosureRequestFactory(
        team=wales_team, created_at=timezone.now(), safety_flags=["do_not_call"]
    )
    client.force_login(caseworker)
    home = client.get(HOME).content.decode()
    panel = home[home.index('id="casework-unassigned') :]
    assert panel.index(flagged.reference) < panel.index(plain.reference)


def test_the_queue_can_show_only_flagged_requests(client, caseworker, wales_team):
    flagged = DisclosureRequestFactory(team=wales_team, safety_flags=["do_not_call"])
    plain = DisclosureRequestFactory(team=wales_team)
    client.force_login(caseworker)
    content = client.get(QUEUE, {"flagged": "yes"}).content.decode()
    assert flagged.reference in content and plain.reference not in content


# --- Subject access export -------------------------------------------------------------------------------


def test_the_subject_access_export_is_the_persons_data_decrypted_and_is_audited(
    client, caseworker, wales_request
):
    CaseNote.objects.create(request=wales_request, author=caseworker, text="Spoke about a safety plan")
    ContactAttempt.objects.create(
        request=wales_request, caseworker=caseworker, method="phone", outcome="spoke", note="Call went well"
    )
    client.force_login(caseworker)
    response = client.post(case_url(wales_request), {"action": "subject_access"})
    assert response.status_code == 200
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="subject-access-{wales_request.reference}.json"'
    )
    assert "no-store" in response["Cache-Control"]
    document = json.loads(response.content)
    told = document["what_you_told_us"]
    assert told["The name you asked us to use"] == "Alex Survivor-Testname"
    assert told["Phone number"] == "07700 900982"
    assert told["What you told us"] == "His former partner told me he hurt her."
    assert told["Police force area"] == "North Wales Police"
    assert document["notes_by_caseworkers"][0]["text"] == "Spoke about a safety plan"
    assert document["contact_attempts"][0]["note"] == "Call went well"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.SUBJECT_ACCESS_EXPORTED)
    assert (entry.request_id, entry.username) == (wales_request.pk, caseworker.username)
    assert "Alex" not in entry.detail


def test_the_subject_access_export_holds_the_reference_the_person_was_given(
    client, caseworker, wales_request
):
    wales_request.public_reference = "K7Q-M9X-3PH"
    wales_request.save(update_fields=["public_reference"])
    client.force_login(caseworker)
    response = client.post(case_url(wales_request), {"action": "subject_access"})
    document = json.loads(response.content)
    assert document["your_reference"] == "K7Q-M9X-3PH"
    assert document["reference"] == wales_request.reference


def test_another_teams_caseworker_cannot_export_a_request(client, other_caseworker, wales_request):
    client.force_login(other_caseworker)
    response = client.post(case_url(wales_request), {"action": "subject_access"})
    assert response.status_code == 403
    assert b"Alex" not in response.content
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.SUBJECT_ACCESS_EXPORTED).exists()


# --- Erasure ---------------------------------------------------------------------------------------------


def test_erasure_needs_the_reference_typed_and_says_so(client, caseworker, wales_request):
    client.force_login(caseworker)
    response = client.post(case_url(wales_request), {"action": "erase", "confirm_reference": "DR-WRON-GXXX"})
    assert response.status_code == 200
    assert f"Type {wales_request.reference} exactly" in response.content.decode()
    wales_request.refresh_from_db()
    assert wales_request.your_name == "Alex Survivor-Testname"
    assert AuditEntry.Action.ERASED not in audit_actions(wales_request)


def test_erasure_blanks_every_personal_field_at_rest_and_keeps_a_content_free_audit_record(
    client, caseworker, wales_request
):
    CaseNote.objects.create(request=wales_request, author=caseworker, text="A private note")
    ContactAttempt.objects.create(
        request=wales_request, caseworker=caseworker, method="phone", outcome="spoke", note="Private too"
    )
    wales_request.safety_flags = ["do_not_call"]
    wales_request.save()
    client.force_login(caseworker)
    response = client.post(
        case_url(wales_request), {"action": "erase", "confirm_reference": wales_request.reference.lower()}
    )
    assert response.status_code == 302

    columns = ", ".join(DisclosureRequest.PERSONAL_FIELDS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM support_disclosurerequest WHERE id = %s", [wales_request.pk])  # noqa: S608
        assert set(cursor.fetchone()) == {""}
    wales_request.refresh_from_db()
    assert wales_request.personal_data_deleted_at is not None
    assert wales_request.safety_flags == []
    assert wales_request.reference and wales_request.team_id  # the anonymous counts stay
    assert not wales_request.notes.exists()
    assert list(wales_request.contact_attempts.values_list("note", flat=True)) == [""]

    entry = AuditEntry.objects.get(request_id=wales_request.pk, action=AuditEntry.Action.ERASED)
    assert entry.username == caseworker.username
    assert "Alex" not in entry.detail and "07700" not in entry.detail
    page = client.get(case_url(wales_request)).content.decode()
    assert "Alex Survivor-Testname" not in page
    assert "personal data of this request was deleted" in page


# --- Dashboard -------------------------------------------------------------------------------------------


def test_a_caseworkers_dashboard_shows_their_queue_and_no_page_search(client, caseworker, wales_team):
    overdue = DisclosureRequestFactory(team=wales_team, created_at=long_ago(20))
    mine = DisclosureRequestFactory(team=wales_team, assigned_to=caseworker)
    client.force_login(caseworker)
    response = client.get(HOME)
    content = response.content.decode()
    assert "Search all pages" not in content
    titles = [
        "Overdue: not contacted within two working days",
        "Due today: first contact",
        "My open requests",
        "Unassigned in my teams",
    ]
    positions = [content.index(title) for title in titles]
    assert positions == sorted(positions)
    overdue_panel = content[positions[0] : positions[1]]
    assert overdue.reference in overdue_panel and mine.reference not in overdue_panel
    mine_panel = content[positions[2] : positions[3]]
    assert mine.reference in mine_panel and overdue.reference not in mine_panel
    assert "Alex Survivor-Testname" not in content


def test_the_dashboard_never_lists_another_teams_requests(client, caseworker, triage_team):
    elsewhere = DisclosureRequestFactory(team=triage_team, created_at=long_ago(20))
    client.force_login(caseworker)
    assert elsewhere.reference not in client.get(HOME).content.decode()


def test_staff_in_no_casework_team_keep_the_search_box_and_see_no_casework_panels(
    client, home, wales_request
):
    superuser = UserFactory(is_superuser=True)
    client.force_login(superuser)
    content = client.get(HOME).content.decode()
    assert "Search all pages" in content
    assert "My open requests" not in content


# --- Overdue reminders -----------------------------------------------------------------------------------


def at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def test_overdue_reminders_say_how_many_and_link_to_the_queue_once_a_working_day(
    wales_team, caseworker, time_machine
):
    DisclosureRequestFactory(team=wales_team, created_at=at(date(2026, 11, 20), 10), your_name="Zed Private")
    DisclosureRequestFactory(team=wales_team, created_at=at(date(2026, 11, 23), 10))
    mail.outbox.clear()
    time_machine.move_to(at(date(2026, 12, 1), 9), tick=False)
    assert tasks.remind_teams_of_overdue_requests.call() == 1
    [email] = mail.outbox
    assert email.to == [wales_team.email]
    assert email.subject == "2 requests waiting too long for first contact"
    assert f"/admin/disclosure_requests/?deadline=overdue&team={wales_team.pk}" in email.body
    assert "Zed" not in email.body and "DR-" not in email.body
    assert AuditEntry.objects.filter(action=AuditEntry.Action.REMINDER_SENT).count() == 1

    assert tasks.remind_teams_of_overdue_requests.call() == 0  # the same day: not again
    time_machine.move_to(at(date(2026, 12, 2), 9), tick=False)
    assert tasks.remind_teams_of_overdue_requests.call() == 1


def test_a_reminder_that_finishes_after_midnight_counts_for_the_day_it_checked(
    wales_team, caseworker, time_machine
):
    DisclosureRequestFactory(team=wales_team, created_at=at(date(2026, 11, 20), 10))
    mail.outbox.clear()
    # The clock runs on: the check reads 23:59:59.999 and the email and its entry come after midnight.
    late = at(date(2026, 12, 1), 23) + timedelta(minutes=59, seconds=59, microseconds=999_000)
    time_machine.move_to(late, tick=True)
    assert tasks.remind_teams_of_overdue_requests.call() == 1
    [entry] = AuditEntry.objects.filter(action=AuditEntry.Action.REMINDER_SENT)
    assert timezone.localtime(entry.at).date() == date(2026, 12, 1)

    # After midnight it is too early (before nine); at nine the new day's reminder goes.
    time_machine.move_to(late + timedelta(seconds=2), tick=False)
    assert tasks.remind_teams_of_overdue_requests.call() == 0
    time_machine.move_to(at(date(2026, 12, 2), 9), tick=False)
    assert tasks.remind_teams_of_overdue_requests.call() == 1
    assert len(mail.outbox) == 2


def test_a_reminder_stamped_later_than_its_day_does_not_silence_the_next_day(
    wales_team, caseworker, time_machine
):
    """The check looks at its own day only: an entry stamped in the future (a clock corrected backwards,
    a run that finished after midnight) does not count as today's."""
    DisclosureRequestFactory(team=wales_team, created_at=at(date(2026, 11, 20), 10))
    AuditEntry.record(
        AuditEntry.Action.REMINDER_SENT, detail=tasks.reminder_detail(wales_team), at=at(date(2026, 12, 3), 9)
    )
    mail.outbox.clear()
    time_machine.move_to(at(date(2026, 12, 2), 10), tick=False)
    assert tasks.remind_teams_of_overdue_requests.call() == 1


def test_no_reminders_before_nine_at_weekends_or_when_nothing_is_overdue(
    wales_team, caseworker, time_machine
):
    mail.outbox.clear()
    time_machine.move_to(at(date(2026, 12, 1), 9), tick=False)
    assert tasks.remind_teams_of_overdue_requests.call() == 0
    DisclosureRequestFactory(team=wales_team, created_at=at(date(2026, 11, 20), 10))
    time_machine.move_to(at(date(2026, 12, 1), 7), tick=False)
    assert tasks.remind_teams_of_overdue_requests.call() == 0
    time_machine.move_to(at(date(2026, 12, 5), 10), tick=False)  # a Saturday
    assert tasks.remind_teams_of_overdue_requests.call() == 0
    assert mail.outbox == []


def test_a_team_is_not_reminded_on_a_bank_holiday_of_the_nation_its_requests_come_from(
    wales_team, triage_team, time_machine
):
    DisclosureRequestFactory(team=wales_team, nation="wales", created_at=at(date(2024, 12, 20), 10))
    DisclosureRequestFactory(team=triage_team, nation="scotland", created_at=at(date(2024, 12, 20), 10))
    mail.outbox.clear()
    time_machine.move_to(at(date(2025, 1, 2), 10), tick=False)  # a holiday in Scotland only
    assert tasks.remind_teams_of_overdue_requests.call() == 1
    assert [email.to for email in mail.outbox] == [[wales_team.email]]
