"""Shared fixtures: a site built by the factories, a client, staff users."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Site

from tests.website.factories import ensure_tree_root, make_site_with_standard_pages


@pytest.fixture(scope="session", autouse=True)
def urls_as_the_test_settings_build_them():
    """website/urls.py adds routes under DEBUG and is imported once per process: import it before any test
    switches DEBUG on (the demo's dev_logins tests do, and seed_demo reverses URLs), whatever the order."""
    from django.urls import get_resolver

    assert get_resolver().url_patterns


@pytest.fixture(autouse=True)
def clean_cache():
    """Rate-limit counters, cached rules and cached pages live in the cache, which outlives each test's
    transaction."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def no_rate_limit_outage_carried_over():
    """website.request_policy.ratelimits logs an outage once per process: each test starts outside one."""
    from website.request_policy import ratelimits

    ratelimits.OUTAGE.cause = None
    yield
    ratelimits.OUTAGE.cause = None


@pytest.fixture(autouse=True)
def english_between_tests(settings):
    """A request to a /cy/ address leaves Welsh active in the test's thread (website.i18n.languages activates
    a language per request and nothing deactivates it): every test starts and ends in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def wagtail_tree_root(request):
    """Transactional tests (and every browser test) empty every table afterwards, including the rows
    Wagtail's migrations made; put those back before the test builds its pages."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        ensure_tree_root()


@pytest.fixture
def home(db):
    """A site whose root is a HomePage with an about page, a privacy notice and an accessibility statement."""
    return make_site_with_standard_pages()


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
