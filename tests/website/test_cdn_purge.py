"""A CDN in front of the site forgets a page made private, and every page of a site whose settings change,
at once: not after its five-minute s-maxage."""

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import PageViewRestriction

from website.models import SafetySettings, SiteSettings

pytestmark = pytest.mark.django_db


class RecordingBackend(BaseBackend):
    """Stands in for the CDN's purge API and remembers each address it was asked to forget."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def cdn(django_capture_on_commit_callbacks):
    RecordingBackend.purged.clear()
    backend = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    with override_settings(WAGTAILFRONTENDCACHE=backend):
        yield RecordingBackend.purged


def paths(urls):
    return sorted(url.split("://", 1)[1].split("/", 1)[1] for url in urls)


def test_a_view_restriction_purges_the_page_and_the_pages_below_it(
    home, cdn, django_capture_on_commit_callbacks
):
    about = home.get_children().get(slug="about")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=about, restriction_type=PageViewRestriction.PASSWORD, password="a shared password"
        )
    assert paths(cdn) == ["about/"]

    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert paths(cdn) == ["about/"]


def test_a_change_to_the_site_settings_purges_every_live_page_of_the_site(
    site, cdn, django_capture_on_commit_callbacks
):
    live_paths = sorted(
        page.url.lstrip("/") for page in site.root_page.get_descendants(inclusive=True).live()
    )
    assert len(live_paths) > 1
    settings = SiteSettings.for_site(site)
    settings.charity_number = "1234567"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
    assert paths(cdn) == live_paths


def test_publishing_the_safety_settings_or_a_helpline_purges_every_live_page(
    site, cdn, django_capture_on_commit_callbacks
):
    from support.models import Helpline

    pages = site.root_page.get_descendants(inclusive=True).live()
    live_paths = sorted(page.url.lstrip("/") for page in pages)
    safety = SafetySettings.live_for_site(site)
    if safety.pk is None:
        safety.site = site
        safety.save()
    safety.quick_exit_url = "https://www.example.org/weather"
    with django_capture_on_commit_callbacks(execute=True):
        safety.save_revision().publish()
    assert paths(cdn) == live_paths

    cdn.clear()
    helpline = Helpline.objects.create(name="A helpline", number="0808 000 0000")
    with django_capture_on_commit_callbacks(execute=True):
        helpline.save_revision().publish()
    assert paths(cdn) == live_paths


def test_a_change_rolled_back_purges_nothing(site, cdn, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        SiteSettings.for_site(site).save()
    assert callbacks and cdn == []


def test_without_a_cdn_configured_nothing_is_purged(site, django_capture_on_commit_callbacks, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        SiteSettings.for_site(site).save()
    assert callbacks, "the page cache's own purge"
    assert not [callback for callback in callbacks if callback.__module__ == "website.cdn"]
