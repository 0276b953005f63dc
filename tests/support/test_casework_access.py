"""Casework access cannot be taken quietly: only team members read requests, and every grant is audited
and announced to the team, however it is made."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from wagtail.log_actions import LogContext

from support.models import AuditEntry, CaseworkTeam
from tests.support.factories import CaseworkerFactory, DisclosureRequestFactory, UserFactory
from website.staff.groups import ADMINISTRATORS, CASEWORKERS

pytestmark = pytest.mark.django_db

GRANTED = AuditEntry.Action.ACCESS_GRANTED


def case_url(request):
    return f"/admin/disclosure_requests/case/{request.pk}/"


@pytest.fixture
def administrator(db):
    user = UserFactory(username="curious-admin")
    user.groups.add(Group.objects.get(name=ADMINISTRATORS))
    return user


@pytest.fixture
def wales_request(wales_team):
    return DisclosureRequestFactory(team=wales_team, person_name="Barnaby Perpetratorson")


def grants_to(user):
    return AuditEntry.objects.filter(action=GRANTED, detail__startswith=f"{user.username}:")


def test_an_administrator_who_takes_access_in_the_admin_is_recorded_and_announced(
    client, administrator, caseworker, wales_team, wales_request
):
    """Attack: an Administrator added themselves to Caseworkers and to a team and read the case; the grant
    was only in Wagtail's generic log. Now each step is in the casework audit log, and the team is told."""
    client.force_login(administrator)
    assert client.get(case_url(wales_request)).status_code == 403
    mail.outbox.clear()

    # Through the admin: the team's edit form, adding themselves to its members.
    response = client.post(
        f"/admin/casework_teams/edit/{wales_team.pk}/",
        {
            "name": wales_team.name,
            "email": wales_team.email,
            "members": [caseworker.pk, administrator.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert administrator in wales_team.members.all()
    entry = grants_to(administrator).get()
    assert entry.user == administrator and entry.username == "curious-admin"
    assert "joined the team Wales" in entry.detail and "(by curious-admin)" in entry.detail
    # Still no casework permission: the team alone does not open the case.
    assert client.get(case_url(wales_request)).status_code == 403

    # The team's other members and its inbox are told, with no request data.
    [message] = mail.outbox
    assert sorted(message.to) == sorted([caseworker.email, wales_team.email])
    assert "curious-admin can now read the requests of the Wales team" in message.body
    assert wales_request.reference not in message.body and "Barnaby" not in message.body

    # Joining the Caseworkers group is the second grant, announced to the team again.
    mail.outbox.clear()
    with LogContext(user=administrator):
        administrator.groups.add(Group.objects.get(name=CASEWORKERS))
    assert grants_to(administrator).count() == 2
    assert "joined the group Caseworkers" in grants_to(administrator).first().detail
    assert [sorted(message.to) for message in mail.outbox] == [sorted([caseworker.email, wales_team.email])]
    assert client.get(case_url(wales_request)).status_code == 200


def test_a_superuser_gets_no_request_until_they_join_a_team_which_is_announced(
    client, caseworker, wales_team, wales_request, django_user_model
):
    root = django_user_model.objects.create_superuser("root", "root@waymark.test", "a-long-password-1")
    assert "was made a superuser" in grants_to(root).get().detail
    client.force_login(root)
    assert client.get(case_url(wales_request)).status_code == 403
    mail.outbox.clear()
    wales_team.members.add(root)
    assert grants_to(root).count() == 2
    assert caseworker.email in mail.outbox[0].to
    assert client.get(case_url(wales_request)).status_code == 200


@pytest.mark.parametrize(
    "grant",
    [
        "team.members.add(user)",
        "user.casework_teams.add(team)",
        "team.members.set([*team.members.all(), user])",
    ],
)
def test_every_way_of_joining_a_team_is_recorded(grant, wales_team, caseworker):
    user = CaseworkerFactory(username="newcomer")
    mail.outbox.clear()
    exec(grant, {"team": wales_team, "user": user, "CaseworkTeam": CaseworkTeam})  # noqa: S102
    entry = grants_to(user).filter(detail__contains="joined the team Wales").get()
    assert entry.user is None and "a process outside the admin (system account" in entry.detail
    assert any(caseworker.email in message.to for message in mail.outbox)


@pytest.mark.parametrize(
    "grant",
    [
        "user.groups.add(caseworkers)",
        "caseworkers.user_set.add(user)",
        "user.groups.set([caseworkers])",
        "editors.permissions.add(casework_permission)",
        "user.user_permissions.add(casework_permission)",
        "user.is_superuser = True; user.save()",
    ],
)
def test_every_way_of_getting_the_casework_permission_is_recorded_and_announced(
    grant, wales_team, caseworker
):
    user = UserFactory(username="newcomer")
    editors = Group.objects.get(name="Editors")
    user.groups.add(editors)
    wales_team.members.add(user)
    mail.outbox.clear()
    before = grants_to(user).count()
    namespace = {
        "user": user,
        "caseworkers": Group.objects.get(name=CASEWORKERS),
        "editors": editors,
        "casework_permission": Permission.objects.get(codename="change_disclosurerequest"),
    }
    exec(grant, namespace)  # noqa: S102
    assert grants_to(user).count() == before + 1
    assert any(caseworker.email in message.to for message in mail.outbox)


def test_leaving_a_team_or_the_group_is_recorded(wales_team):
    user = CaseworkerFactory(username="leaver")
    wales_team.members.add(user)
    wales_team.members.remove(user)
    user.groups.clear()
    removed = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS_REMOVED, detail__startswith="leaver:")
    assert {entry.detail.split(":", 1)[1].split("(")[0].strip() for entry in removed} == {
        "left the team Wales",
        "left the group Caseworkers",
    }


def test_there_is_no_permission_that_opens_every_team(wales_request, triage_team):
    assert not Permission.objects.filter(codename="view_all_disclosure_requests").exists()
    user = get_user_model().objects.create_user("everything", "e@waymark.test", "a-long-password-1")
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="support"))
    user.groups.add(*Group.objects.all())
    from support.models import DisclosureRequest

    assert not DisclosureRequest.objects.for_user(user).exists()
