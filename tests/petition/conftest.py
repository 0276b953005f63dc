"""Petition fixtures: a live petition under the demo home page, a clean cache, a signing helper."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.petition.factories import PetitionPageFactory
from website.demo import ensure_tree_root


@pytest.fixture(autouse=True)
def clean_cache():
    # Rate-limit counters and cached rules live in the cache, which outlives each test's transaction.
    from petition.rules import forget_rules

    cache.clear()
    forget_rules()
    yield
    cache.clear()
    forget_rules()


@pytest.fixture(autouse=True)
def wagtail_root(request):
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        ensure_tree_root()


@pytest.fixture
def petition(home):
    return PetitionPageFactory(parent=home, slug="petition")


@pytest.fixture
def sign(client):
    """POST the signing form as a browser at `ip` would; returns the response."""

    def _sign(page, ip="203.0.113.7", **fields):
        data = {
            "name": "Alex Smith",
            "email": "alex@example.org",
            "location": "UK",
            "postcode": "SW1A 1AA",
            "country": "",
            **fields,
        }
        return client.post(reverse("petition_sign", args=[page.pk]), data, REMOTE_ADDR=ip)

    return _sign


def confirm_link(message):
    """The confirmation path from an email body."""
    for line in message.body.splitlines():
        if "/confirm/" in line:
            return "/" + line.strip().split("/", 3)[3]
    raise AssertionError("no confirmation link in the email")


def link_containing(message, part):
    for line in message.body.splitlines():
        if part in line:
            return "/" + line.strip().split("/", 3)[3]
    raise AssertionError(f"no {part} link in the email")
