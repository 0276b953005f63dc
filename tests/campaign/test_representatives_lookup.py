"""Everyone who can act for a postcode (geography.representatives), body by body, in fixed queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geography import lookup, representatives
from geography.models import Area, Body, Representative
from geography.models.places import NORTHERN_IRELAND, SCOTLAND, WALES
from tests.campaign.representative_factories import (
    AreaFactory,
    AreaPartFactory,
    RepresentativeFactory,
    aberdeen_central,
)
from tests.geography.factories import ConstituencyFactory, MemberOfParliamentFactory, PostcodeFactory

Role = Representative.Role


def place(postcode, code, country, police, mp_name):
    constituency = ConstituencyFactory(code=code, name=f"{mp_name}'s seat")
    MemberOfParliamentFactory(constituency=constituency, name=mp_name, party="Labour", email="mp@example.org")
    PostcodeFactory(postcode=postcode, constituency_code=code, country_code=country, police_force_code=police)


@pytest.fixture
def aberdeen(db):
    place("AB10 1AB", "S14000002", SCOTLAND, "S23000009", "Stephen Flynn")
    seat, region = aberdeen_central()
    RepresentativeFactory(area=seat, role=Role.CONSTITUENCY_MEMBER, name="Kevin Stewart", party="SNP")
    for name in ("Liam Kerr", "Mercedes Villalba"):
        RepresentativeFactory(area=region, role=Role.REGIONAL_MEMBER, name=name)


def entries_for(postcode):
    result = lookup.lookup(postcode)
    assert result.ok
    return {entry.body: entry for entry in representatives.for_postcode(result)}


def names(entry):
    return [recipient.name for recipient in entry.recipients]


def test_an_aberdeen_postcode_has_its_mp_its_msps_and_scotlands_police_oversight(aberdeen):
    entries = entries_for("AB10 1AB")
    assert list(entries) == [Body.WESTMINSTER, Body.POLICING, Body.SCOTTISH_PARLIAMENT]
    assert names(entries[Body.WESTMINSTER]) == ["Stephen Flynn"]
    assert names(entries[Body.POLICING]) == []
    assert "Scottish Police Authority" in entries[Body.POLICING].oversight_text()
    msps = entries[Body.SCOTTISH_PARLIAMENT].recipients
    assert [(m.name, m.role) for m in msps] == [
        ("Kevin Stewart", Role.CONSTITUENCY_MEMBER),
        ("Liam Kerr", Role.REGIONAL_MEMBER),
        ("Mercedes Villalba", Role.REGIONAL_MEMBER),
    ]
    assert msps[0].office() == "MSP for Aberdeen Central"
    assert msps[1].office() == "MSP for North East (regional)"
    assert "press the Scottish Government" in str(entries[Body.SCOTTISH_PARLIAMENT].can_do)


def test_the_lookup_takes_a_fixed_number_of_queries_however_many_representatives(aberdeen):
    result = lookup.lookup("AB10 1AB")
    region = Area.objects.get(kind=Area.Kind.REGION)
    RepresentativeFactory.create_batch(5, area=region, role=Role.REGIONAL_MEMBER)
    with CaptureQueriesContext(connection) as queries:
        again = lookup.lookup("AB10 1AB")
        entries = representatives.for_postcode(result)
    assert again == result
    assert len(queries) == 3  # the MP (unchanged: one query), the areas, their representatives
    assert len(entries[2].recipients) == 8


def test_the_later_steps_rebuild_the_same_entries_from_the_area_ids(aberdeen):
    result = lookup.lookup("AB10 1AB")
    entries = representatives.for_postcode(result)
    with CaptureQueriesContext(connection) as queries:
        again = representatives.for_areas(result, representatives.area_ids(entries))
    assert again == entries
    assert len(queries) == 2


def test_a_london_postcode_has_its_mp_and_the_mayor(db):
    place("SE1 2DL", "E14001085", "E92000001", "E23000001", "Neil Coyle")
    met = AreaFactory(code="E23000001", name="Metropolitan Police")
    RepresentativeFactory(
        area=met, role=Role.MAYOR, name="Sadiq Khan", office="Mayor of London", party="Labour"
    )
    entries = entries_for("SE1 2DL")
    assert list(entries) == [Body.WESTMINSTER, Body.POLICING]
    (mayor,) = entries[Body.POLICING].recipients
    assert (mayor.name, mayor.office(), mayor.role) == ("Sadiq Khan", "Mayor of London", Role.MAYOR)
    assert "Serial Priority Perpetrator Caseworker" in str(entries[Body.POLICING].can_do)
    assert "Category 4" in str(entries[Body.WESTMINSTER].can_do)


def test_a_welsh_postcode_has_its_mp_its_members_of_the_senedd_and_its_commissioner(db):
    place("CF10 1EP", "W07000081", WALES, "W15000003", "Stephen Doughty")
    force = AreaFactory(code="W15000003", name="South Wales", name_cy="De Cymru")
    RepresentativeFactory(area=force, name="Emma Wools")
    senedd = AreaFactory(
        body=Body.SENEDD, kind=Area.Kind.CONSTITUENCY, code="W09000060", name="Caerdydd Penarth"
    )
    AreaPartFactory(area=senedd, westminster_code="W07000081")
    AreaPartFactory(area=senedd, westminster_code="W07000082")
    RepresentativeFactory.create_batch(6, area=senedd, role=Role.MEMBER)
    entries = entries_for("CF10 1EP")
    assert list(entries) == [Body.WESTMINSTER, Body.POLICING, Body.SENEDD]
    assert names(entries[Body.POLICING]) == ["Emma Wools"]
    assert entries[Body.POLICING].recipients[0].office("cy") == "Police and Crime Commissioner for De Cymru"
    assert len(entries[Body.SENEDD].recipients) == 6


def test_a_northern_ireland_postcode_has_its_mp_and_its_mlas(db):
    place("BT1 5GS", "N05000001", NORTHERN_IRELAND, "N23000001", "Claire Hanna")
    assembly = AreaFactory(
        body=Body.NI_ASSEMBLY, kind=Area.Kind.CONSTITUENCY, code="N06000001", name="Belfast South"
    )
    AreaPartFactory(area=assembly, westminster_code="N05000001")
    RepresentativeFactory.create_batch(5, area=assembly, role=Role.MEMBER)
    AreaFactory(code="N23000001", name="Northern Ireland", oversight="The Northern Ireland Policing Board.")
    entries = entries_for("BT1 5GS")
    assert list(entries) == [Body.WESTMINSTER, Body.POLICING, Body.NI_ASSEMBLY]
    assert len(entries[Body.NI_ASSEMBLY].recipients) == 5
    assert entries[Body.NI_ASSEMBLY].recipients[0].office().startswith("MLA for Belfast South")


def test_a_body_whose_area_is_unknown_is_listed_as_missing_and_the_others_still_show(aberdeen):
    PostcodeFactory(
        postcode="AB10 1AG", constituency_code="S14000002", country_code=SCOTLAND, police_force_code=""
    )
    entries = entries_for("AB10 1AG")
    assert names(entries[Body.WESTMINSTER]) == ["Stephen Flynn"]
    assert entries[Body.POLICING].missing
    assert entries[Body.SCOTTISH_PARLIAMENT].missing
    assert "Scottish Parliament constituency" in str(entries[Body.SCOTTISH_PARLIAMENT].missing_message)
    assert not entries[Body.WESTMINSTER].missing
