"""wagtail-localize's admin in Chromium, under the admin's Content Security Policy: the translation editor
starts (its React app renders the page's strings), and translating, syncing and the locales screens report no
violation (templates/wagtail_localize/admin/edit_translation.html moves its one inline script to a file)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from tests.conftest import _Silent
from tests.e2e.conftest import PASSWORD
from tests.e2e.test_admin_screens_csp import visit


@pytest.fixture
def translated_site(transactional_db, settings):
    settings.WAYMARK_DEMO_TRANSLATIONS = True
    call_command("seed_demo", stdout=_Silent())
    get_user_model().objects.create_superuser("admin", "admin@waymark.example", PASSWORD)


def test_the_translation_editor_and_screens_work_under_the_strict_csp(
    translated_site, admin_page, csp_violations
):
    page = admin_page
    seen = {}
    english = Page.objects.get(url_path="/home/campaign/")
    welsh = Page.objects.get(url_path="/home-1/campaign/")
    about = Page.objects.get(url_path="/home/about/")
    source = TranslationSource.objects.get_for_instance_or_none(english)

    visit(page, f"/admin/pages/{welsh.pk}/edit/", csp_violations, seen)
    # The editor rendered: the English source of a string and its Welsh translation are both on screen.
    expect(page.get_by_text("A new Category 4 of MAPPA", exact=True).first).to_be_visible()
    expect(page.get_by_text("Categori 4 newydd o MAPPA", exact=True).first).to_be_visible()

    for url in [
        f"/admin/pages/{english.get_parent().pk}/",
        f"/admin/pages/{welsh.get_parent().pk}/",
        f"/admin/localize/submit/page/{about.pk}/",
        f"/admin/localize/update/{source.pk}/",
        "/admin/locales/",
        "/admin/locales/new/",
        "/admin/localize/reports/translations/",
    ]:
        visit(page, url, csp_violations, seen)

    report = "\n".join(f"{url}:\n  " + "\n  ".join(sorted(set(found))) for url, found in seen.items())
    page.close()
    assert not seen, "CSP violations in the translation admin:\n" + report
