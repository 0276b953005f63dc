"""Fixtures for the geography tests: the shared sample data and a known MP and postcode."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.geography.factories import (
    ConstituencyFactory,
    ConstituencyHexFactory,
    MemberOfParliamentFactory,
    PostcodeFactory,
)

# The real ONS, Commons Library and hexmap samples live outside the repository, beside it
# (settings.SHARED_DATA_DIR: ../shared/data unless WAYMARK_SHARED_DATA says otherwise).
SHARED_DATA = settings.SHARED_DATA_DIR
ONSPD_ABERDEEN = SHARED_DATA / "onspd" / "onspd_2024aug_extract_aberdeen.csv"
ONSPD_AUG2024 = SHARED_DATA / "onspd" / "onspd_2024aug_schema_sample.csv"
ONSPD_NOV2025 = SHARED_DATA / "onspd" / "onspd_2025nov_schema_sample.csv"
GE2024_RESULTS = SHARED_DATA / "parliament" / "ge2024_results_by_constituency.csv"
CONSTITUENCIES_2024 = SHARED_DATA / "parliament" / "constituencies_2024.json"
HEXMAP_2024 = SHARED_DATA / "hexmaps" / "uk-constituencies-2024.hexjson"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_file(path):
    if not path.exists():
        pytest.skip(f"Sample data not found at {path} (expected ../shared/data beside the repository)")
    return path


@pytest.fixture(autouse=True)
def fresh_cache():
    """Maps built from counters are cached for a minute: each test starts without another test's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def mp(db):
    constituency = ConstituencyFactory(code="E14001085", name="Bermondsey and Old Southwark")
    return MemberOfParliamentFactory(
        constituency=constituency, name="Neil Coyle", party="Labour", email="neil.coyle@example.org"
    )


@pytest.fixture
def known_postcode(mp):
    return PostcodeFactory(postcode="SE1 2DL", constituency_code=mp.constituency_id)


@pytest.fixture
def small_map(db):
    """Four hexes: two on the southern row r=0, two on r=1 (odd, so shifted right), and one in Scotland."""
    ConstituencyHexFactory(code="E14000001", name="Southam", q=0, r=0)
    ConstituencyHexFactory(code="E14000002", name="Easton", q=1, r=0)
    ConstituencyHexFactory(code="E14000003", name="Northby", q=0, r=1)
    ConstituencyHexFactory(code="S14000001", name="Highland", q=1, r=3, region="S92000003")
