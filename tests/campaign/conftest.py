"""Fixtures for the campaign tests: a letter page, and geography's known MP and postcode."""

import pytest
from django.core.cache import cache

from tests.campaign.factories import LetterPageFactory

# The MP, postcode and four-hex map layout the letter tests share with geography's.
from tests.geography.conftest import known_postcode, mp, small_map  # noqa: F401


@pytest.fixture(autouse=True)
def fresh_cache():
    """Maps built from counters are cached for a minute: each test starts without another test's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def letter_page(home):
    return LetterPageFactory(parent=home)
