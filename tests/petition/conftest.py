"""Petition fixtures: a live petition under the home page, fresh abuse rules, a signing helper."""

import pytest
from django.urls import reverse

from tests.petition.factories import PetitionPageFactory
from tests.website.outages import fixed_windows


@pytest.fixture(autouse=True)
def fixed_limit_windows(monkeypatch):
    """Signing limits count in one fixed window per test, from zero."""
    yield from fixed_windows(monkeypatch)


@pytest.fixture(autouse=True)
def fresh_rules():
    # Each process also keeps its own copy of the abuse rules and the petition settings for a few seconds.
    from petition.abuse import forget_rules
    from petition.models.settings import forget_limits

    forget_rules()
    forget_limits()
    yield
    forget_rules()
    forget_limits()


@pytest.fixture
def petition_settings(home):
    """Change the Petition settings of the site, as staff would in Settings → Petition settings."""
    from wagtail.models import Site

    from petition.models import PetitionSettings

    def change(**fields):
        chosen = PetitionSettings.for_site(Site.objects.get(is_default_site=True))
        for name, value in fields.items():
            setattr(chosen, name, value)
        chosen.full_clean()
        chosen.save()
        return chosen

    return change


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
