"""Shared fixtures: the demo page tree, a client, staff users."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from website.models import HomePage


@pytest.fixture
def home(db):
    """A site whose root is a HomePage, as seed_demo builds it."""
    from website import demo

    demo.run(_Silent())
    return HomePage.objects.get()


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def seeded(db):
    """The whole demo site, built by the real seed_demo command."""
    call_command("seed_demo", stdout=_Silent())
    return Site.objects.get(is_default_site=True)


class _Silent:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass
