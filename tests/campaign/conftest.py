"""Fixtures for the campaign tests: the shared sample data, a letter page and a known MP."""

from pathlib import Path

import pytest

from tests.campaign.factories import (
    ConstituencyFactory,
    LetterPageFactory,
    MemberOfParliamentFactory,
    PostcodeFactory,
)

# The real ONS and Commons Library samples live outside the repository, beside it.
SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
ONSPD_ABERDEEN = SHARED_DATA / "onspd" / "onspd_2024aug_extract_aberdeen.csv"
ONSPD_AUG2024 = SHARED_DATA / "onspd" / "onspd_2024aug_schema_sample.csv"
ONSPD_NOV2025 = SHARED_DATA / "onspd" / "onspd_2025nov_schema_sample.csv"
GE2024_RESULTS = SHARED_DATA / "parliament" / "ge2024_results_by_constituency.csv"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_file(path):
    if not path.exists():
        pytest.skip(f"Sample data not found at {path} (expected ../shared/data beside the repository)")
    return path


@pytest.fixture
def letter_page(home):
    return LetterPageFactory(parent=home)


@pytest.fixture
def mp(db):
    constituency = ConstituencyFactory(code="E14001085", name="Bermondsey and Old Southwark")
    return MemberOfParliamentFactory(
        constituency=constituency, name="Neil Coyle", party="Labour", email="neil.coyle@example.org"
    )


@pytest.fixture
def known_postcode(mp):
    return PostcodeFactory(postcode="SE1 2DL", constituency_code=mp.constituency_id)
