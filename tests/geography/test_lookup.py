"""Postcode lookup: normalising, validating and the kind message for every outcome."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geography import lookup
from geography.models.places import CHANNEL_ISLANDS, ENGLAND, ISLE_OF_MAN, SCOTLAND
from tests.geography.factories import ConstituencyFactory, MemberOfParliamentFactory, PostcodeFactory
from tests.geography.recorded import RecordedAdapter


@pytest.mark.parametrize(
    "typed", ["ab101ab", " AB10 1AB ", "AB10  1AB", "AB101AB", "ab10 1ab", "\tAB10 1AB\n"]
)
def test_every_way_of_typing_a_postcode_finds_it(db, typed):
    mp = MemberOfParliamentFactory(constituency=ConstituencyFactory(code="S14000061", name="Aberdeen South"))
    PostcodeFactory(postcode="AB10 1AB", constituency_code="S14000061", country_code=SCOTLAND)
    result = lookup.lookup(typed)
    assert result.ok, result.message
    assert (result.postcode, result.mp_name) == ("AB10 1AB", mp.name)
    assert result.message == f"Your MP is {mp.name}, for Aberdeen South."


def test_a_found_postcode_costs_one_query(known_postcode, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert lookup.lookup("SE12DL").ok


@pytest.mark.parametrize("typed", ["12345", "A1", "ABCDEFG", "AB10 1A", "1AB 10A", "AB10-1AB"])
def test_malformed_postcodes_say_how_to_fix_them(db, typed):
    result = lookup.lookup(typed)
    assert result.kind == lookup.MALFORMED
    assert "for example AB10 1AB" in result.message


@pytest.mark.parametrize(
    "typed", ["A" * 5000, "AB10 1AB" * 3, "AB10\x001AB", "AB10\x1b1AB", "AB\u200910 1AB\x85"]
)
def test_absurd_input_is_rejected_before_any_query(db, typed, django_assert_num_queries):
    with django_assert_num_queries(0):
        result = lookup.lookup(typed)
    assert result.kind == lookup.ABSURD


def test_empty_input_asks_for_a_postcode(db):
    assert lookup.lookup("   ").kind == lookup.EMPTY
    assert lookup.lookup(None).kind == lookup.EMPTY


def test_an_unknown_postcode(db):
    result = lookup.lookup("ZZ99 9ZZ")
    assert result.kind == lookup.UNKNOWN
    assert "couldn't find that postcode" in result.message


def test_a_terminated_postcode_is_no_longer_in_use(db):
    PostcodeFactory(postcode="AB10 1AA", terminated="201610", country_code=SCOTLAND)
    assert "This postcode is no longer in use" in lookup.lookup("AB10 1AA").message


@pytest.mark.parametrize(
    ("postcode", "country", "parliament"),
    [
        ("JE2 4WD", CHANNEL_ISLANDS, "States Assembly of Jersey"),
        ("GY1 1AA", CHANNEL_ISLANDS, "States of Guernsey"),
        ("IM1 1AD", ISLE_OF_MAN, "Tynwald"),
    ],
)
def test_crown_dependencies_have_no_westminster_mp(db, postcode, country, parliament):
    PostcodeFactory(postcode=postcode, country_code=country, constituency_code="L99999999")
    result = lookup.lookup(postcode)
    assert result.kind == lookup.CROWN_DEPENDENCY
    assert "no MP in the UK Parliament" in result.message and parliament in result.message


def test_an_unlisted_island_postcode_is_still_explained(db):
    assert lookup.lookup("GY9 9ZZ").kind == lookup.CROWN_DEPENDENCY


@pytest.mark.parametrize("typed", ["BFPO 801", "bfpo801", "BFPO 1"])
def test_bfpo_addresses(db, typed):
    result = lookup.lookup(typed)
    assert result.kind == lookup.BFPO
    assert "registered to vote" in result.message


@pytest.mark.parametrize("typed", ["GX11 1AA", "FIQQ 1ZZ", "STHL 1ZZ"])
def test_overseas_territories(db, typed):
    assert lookup.lookup(typed).kind == lookup.OVERSEAS


def test_a_vacant_seat(db):
    constituency = ConstituencyFactory(name="Somewhere East")
    MemberOfParliamentFactory(constituency=constituency, name="", is_vacant=True)
    PostcodeFactory(postcode="SW1A 1AA", constituency_code=constituency.code)
    result = lookup.lookup("SW1A 1AA")
    assert result.kind == lookup.VACANT
    assert "Somewhere East has no MP at the moment" in result.message


def test_a_postcode_whose_mp_is_not_loaded_yet(db):
    PostcodeFactory(postcode="SW1A 1AA", constituency_code="E14009999")
    assert lookup.lookup("SW1A 1AA").kind == lookup.NO_MP_DATA


def test_the_country_comes_from_the_data_not_the_prefix(db):
    # TD postcodes cross the border: TD15 is in England though most of TD is in Scotland.
    PostcodeFactory(postcode="TD15 1AA", country_code=ENGLAND)
    PostcodeFactory(postcode="TD1 1AA", country_code=SCOTLAND)
    assert lookup.lookup("TD15 1AA").country == "England"
    assert lookup.lookup("TD1 1AA").country == "Scotland"


@pytest.fixture
def postcodes_io(settings):
    settings.POSTCODES_IO_FALLBACK = True
    settings.POSTCODES_IO_URL = "https://api.postcodes.io"
    cache.clear()
    adapter = RecordedAdapter(
        {
            "/postcodes/M11AD": "postcodes_io_m1_1ad.json",
            "/postcodes/ZZ11ZZ": (404, "postcodes_io_not_found.json"),
        }
    )
    lookup.session.mount("https://api.postcodes.io", adapter)
    yield adapter
    lookup.session.adapters.pop("https://api.postcodes.io")
    cache.clear()


def test_the_postcodes_io_fallback_finds_a_postcode_missing_locally_and_caches_it(db, postcodes_io):
    constituency = ConstituencyFactory(code="E14001352", name="Manchester Central")
    MemberOfParliamentFactory(constituency=constituency, name="Lucy Powell")
    result = lookup.lookup("M1 1AD")
    assert (result.kind, result.mp_name, result.country) == (lookup.OK, "Lucy Powell", "England")
    assert lookup.lookup("m11ad").ok
    assert len(postcodes_io.requested) == 1
    assert lookup.lookup("ZZ1 1ZZ").kind == lookup.UNKNOWN
    assert lookup.lookup("ZZ1 1ZZ").kind == lookup.UNKNOWN
    assert len(postcodes_io.requested) == 2


def test_the_fallback_is_off_by_default(db, postcodes_io, settings):
    settings.POSTCODES_IO_FALLBACK = False
    assert lookup.lookup("M1 1AD").kind == lookup.UNKNOWN
    assert postcodes_io.requested == []


def test_a_slow_postcodes_io_is_treated_as_unknown(db, settings):
    settings.POSTCODES_IO_FALLBACK = True
    adapter = RecordedAdapter({}, raise_for={"/postcodes/M11AD"})
    lookup.session.mount("https://api.postcodes.io", adapter)
    try:
        assert lookup.lookup("M1 1AD").kind == lookup.UNKNOWN
    finally:
        lookup.session.adapters.pop("https://api.postcodes.io")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_no_input_makes_the_lookup_raise(db, typed):
    result = lookup.lookup(typed)
    assert result.kind in {
        lookup.OK,
        lookup.EMPTY,
        lookup.ABSURD,
        lookup.MALFORMED,
        lookup.UNKNOWN,
        lookup.BFPO,
        lookup.OVERSEAS,
        lookup.CROWN_DEPENDENCY,
    }
    assert result.message
