"""Stances in the admin: campaign managers record where an MP or another representative stands, from a public
source; exactly one recipient, their name kept, the recorder noted."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from campaign.models.stances import Position, Stance
from geography.models import Area, Representative
from tests.geography.factories import ConstituencyFactory, MemberOfParliamentFactory
from website.staff.groups import CAMPAIGN_MANAGERS, EDITORS, sync_group_permissions

pytestmark = pytest.mark.django_db
ADD = "wagtailsnippets_campaign_stance:add"
SOURCE = "https://hansard.parliament.uk/commons/2026-11-04/debates/example"


@pytest.fixture
def manager(client, home):
    sync_group_permissions()
    user = User.objects.create_user("manager", "m@waymark.example", "password-for-tests")
    user.groups.add(Group.objects.get(name=CAMPAIGN_MANAGERS))
    client.force_login(user)
    return user


@pytest.fixture
def commissioner(db):
    area = Area.objects.create(
        body="policing", kind=Area.Kind.POLICE_FORCE_AREA, code="E23000036", name="Avon and Somerset"
    )
    return Representative.objects.create(area=area, role=Representative.Role.COMMISSIONER, name="Clare Moody")


def stance_form(**fields):
    return {
        "mp": "",
        "representative": "",
        "position": Position.SUPPORTS,
        "stated_on": "2026-11-04",
        "source_url": SOURCE,
        "note": "",
        **fields,
    }


def test_a_campaign_manager_records_an_mps_stand_with_their_name_and_the_recorder(client, manager, mp):
    form_page = client.get(reverse(ADD))
    assert form_page.status_code == 200

    response = client.post(reverse(ADD), stance_form(mp=mp.pk))

    assert response.status_code == 302
    stance = Stance.objects.get()
    assert (stance.mp, stance.name, stance.recorded_by, stance.position) == (
        mp,
        "Neil Coyle",
        manager,
        Position.SUPPORTS,
    )
    assert stance.stated_on == date(2026, 11, 4)
    assert Stance.objects.current_for(mp) == stance


def test_a_stand_may_be_another_representatives(client, manager, commissioner):
    response = client.post(
        reverse(ADD), stance_form(representative=commissioner.pk, position=Position.OPPOSES)
    )

    assert response.status_code == 302
    stance = Stance.objects.get()
    assert (stance.representative, stance.mp, stance.name) == (commissioner, None, "Clare Moody")


def test_a_stand_needs_a_recipient_and_says_so_next_to_the_field(client, manager):
    response = client.post(reverse(ADD), stance_form())

    assert response.status_code == 200
    assert response.context["form"].errors["mp"] == [
        "Choose the MP or the representative who took this stand."
    ]
    assert Stance.objects.count() == 0


def test_a_stand_cannot_be_both_an_mps_and_a_representatives(client, manager, mp, commissioner):
    response = client.post(reverse(ADD), stance_form(mp=mp.pk, representative=commissioner.pk))

    assert response.context["form"].errors["representative"] == [
        "Choose an MP or another representative, not both."
    ]
    assert Stance.objects.count() == 0


def test_a_vacant_seat_has_no_one_to_record_a_stand_for(client, manager):
    vacant = MemberOfParliamentFactory(
        constituency=ConstituencyFactory(code="E14001063"), name="", is_vacant=True
    )

    response = client.post(reverse(ADD), stance_form(mp=vacant.pk))

    assert "vacant" in response.context["form"].errors["mp"][0]
    assert Stance.objects.count() == 0


def test_editing_a_stand_keeps_who_recorded_it(client, manager, mp):
    recorder = User.objects.create_user("first", "f@waymark.example", "password-for-tests")
    stance = Stance.objects.create(
        mp=mp, name=mp.name, position=Position.UNDECIDED, stated_on=date(2026, 10, 1), recorded_by=recorder
    )

    response = client.post(
        reverse("wagtailsnippets_campaign_stance:edit", args=[stance.pk]),
        stance_form(mp=mp.pk, position=Position.SUPPORTS),
    )

    assert response.status_code == 302
    stance.refresh_from_db()
    assert (stance.position, stance.recorded_by) == (Position.SUPPORTS, recorder)


def test_campaign_managers_hold_every_stance_permission_and_editors_none(db):
    sync_group_permissions()

    def codenames(group):
        return set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))

    wanted = {"add_stance", "change_stance", "view_stance", "delete_stance"}
    assert wanted <= codenames(CAMPAIGN_MANAGERS)
    assert not wanted & codenames(EDITORS)


def test_the_stances_are_in_the_campaign_menu(client, manager, mp):
    Stance.objects.create(mp=mp, name=mp.name, position=Position.OPPOSES, stated_on=date(2026, 10, 1))

    listing = client.get(reverse("wagtailsnippets_campaign_stance:list"))

    assert listing.status_code == 200
    assert "Neil Coyle" in listing.text
    assert reverse("wagtailsnippets_campaign_stance:list") in client.get(reverse("wagtailadmin_home")).text
