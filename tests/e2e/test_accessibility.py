"""Every public page type, in each state a reader meets it: no serious or critical axe-core violation,
nothing requested from another origin, and nothing the Content Security Policy had to block."""

from types import SimpleNamespace

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from petition.models import PetitionPage
from support.models import CallbackRequestPage, DisclosureRequestPage, GuidanceIndexPage, GuidancePage
from tests.conftest import _Silent
from tests.e2e import translations
from tests.e2e.axe_audit import describe_violations, serious_violations
from tests.e2e.test_foundation_journeys import ACCEPT_WARNING
from tests.e2e.translations import translate
from website.models import HomePage

SEARCH_LABEL = "Search stories, guidance and the campaign"

language_prefixes = translations.language_prefixes


def open_search_results(page, site_pages):
    page.goto("/search/")
    page.get_by_label(SEARCH_LABEL).fill("control")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("link", name=site_pages.guidance.title)).to_be_visible()


def open_story_past_its_warning(page, site_pages):
    page.goto(site_pages.story.url)
    page.get_by_text(ACCEPT_WARNING).click()
    expect(page.get_by_text(ACCEPT_WARNING)).to_be_hidden()


def open_missing_page(page, site_pages):
    response = page.goto("/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1, name="Page not found")).to_be_visible()
    # The error page keeps the quick exit.
    expect(page.get_by_role("link", name="Exit this page")).to_be_visible()


PAGE_TYPES = {
    "home": lambda page, pages: page.goto(pages.home.url),
    "standard page": lambda page, pages: page.goto(pages.standard.url),
    "campaign page": lambda page, pages: page.goto(pages.campaign.url),
    "story index": lambda page, pages: page.goto(pages.story_index.url),
    "story page, behind its warning": lambda page, pages: page.goto(pages.story.url),
    "story page, story shown": open_story_past_its_warning,
    "guidance index": lambda page, pages: page.goto(pages.guidance_index.url),
    "guidance page": lambda page, pages: page.goto(pages.guidance.url),
    "helplines page": lambda page, pages: page.goto(pages.helplines.url),
    "search": lambda page, pages: page.goto("/search/"),
    "search results": open_search_results,
    "page not found": open_missing_page,
}


def audit(page, pages, open_pages, offsite_requests, csp_violations):
    """Open each page in turn; return, by page, what went wrong (nothing, when all is well)."""
    failures = {}
    for name, open_page in open_pages.items():
        offsite_requests.clear()
        csp_violations.clear()
        open_page(page, pages)
        page.wait_for_load_state("networkidle")
        expect(page.get_by_role("heading", level=1)).to_be_visible()

        # Checked before axe runs: its injected script is ours, not the page's.
        problems = []
        if offsite_requests:
            problems.append("requested from another origin: " + ", ".join(offsite_requests))
        if csp_violations:
            problems.append("broke its Content Security Policy:\n" + "\n".join(csp_violations))
        violations = serious_violations(page)
        if violations:
            problems.append("axe-core:\n" + describe_violations(violations))
        if problems:
            failures[f"{name} ({page.url})"] = "\n".join(problems)
    return failures


def report(failures):
    return "\n\n".join(f"== {where}\n{problems}" for where, problems in failures.items())


def test_every_page_type_is_accessible_and_loads_only_from_our_origin(
    browser_page, site_pages, offsite_requests, csp_violations
):
    # One test visits them all: building the page tree costs more than a visit, and one report
    # listing every failing page type is more use than the first failure alone.
    failures = audit(browser_page, site_pages, PAGE_TYPES, offsite_requests, csp_violations)
    assert not failures, report(failures)


@pytest.fixture
def translated_pages(home, language_prefixes, settings, quick_exit_destination):
    """Welsh and Urdu translations of the demo pages, published."""
    call_command("seed_demo", stdout=_Silent())
    settings.DISCLOSURE_STEP_RATE = settings.DISCLOSURE_SUBMIT_RATE = "1000/h"
    # The English pages, found before any translation adds its copies.
    home_page, petition, disclosure = (
        HomePage.objects.get(),
        PetitionPage.objects.get(),
        DisclosureRequestPage.objects.get(),
    )
    support, callback = GuidanceIndexPage.objects.get(), CallbackRequestPage.objects.get()
    guidance = GuidancePage.objects.get(slug="coercive-control")
    return SimpleNamespace(
        # Welsh: the home page first, so the others hang from a translated home, not an alias.
        cy_home=translate(home_page, "cy", title="Waymark", intro="Ymgyrch a chymorth."),
        cy_petition=translate(petition, "cy", title="Cofrestrwch gamdrinwyr cyfresol"),
        cy_guidance=translate(guidance, "cy", title="Beth yw rheolaeth drwy orfodaeth"),
        cy_disclosure=translate(disclosure, "cy", title="Gofyn i'r heddlu"),
        ur_support=translate(support, "ur", title="مدد"),
        ur_guidance=translate(guidance, "ur", title="زبردستی کنٹرول کیا ہے"),
        ur_callback=translate(callback, "ur", title="ہم سے کال بیک کا کہیں"),
    )


def send_empty(page, url):
    """Open a form and send it unanswered, so that every error shows."""
    page.goto(url)
    page.locator("main form[method=post] [type=submit]").first.click()
    expect(page.locator("[data-error-summary]")).to_be_visible()


def opens(name):
    def open_page(page, pages):
        url = getattr(pages, name).url
        response = page.goto(url)
        assert response.status == 200, f"{url} answered {response.status}"

    return open_page


TRANSLATED_PAGES = {
    "Welsh home": opens("cy_home"),
    "Welsh petition": opens("cy_petition"),
    "Welsh guidance": opens("cy_guidance"),
    "Welsh disclosure request": opens("cy_disclosure"),
    "Welsh disclosure request, with errors": lambda page, pages: send_empty(page, pages.cy_disclosure.url),
    "Urdu support index": opens("ur_support"),
    "Urdu guidance": opens("ur_guidance"),
    "Urdu call-back request": opens("ur_callback"),
    "Urdu call-back request, with errors": lambda page, pages: send_empty(page, pages.ur_callback.url),
}


def test_welsh_and_urdu_pages_are_accessible_in_their_language_and_direction(
    browser_page, translated_pages, offsite_requests, csp_violations
):
    page = browser_page
    failures = audit(page, translated_pages, TRANSLATED_PAGES, offsite_requests, csp_violations)
    assert not failures, report(failures)
    # What was audited really was Welsh and Urdu (left to right, and right to left).
    page.goto(translated_pages.cy_disclosure.url)
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["cy", "ltr"]
    page.goto(translated_pages.ur_callback.url)
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ur", "rtl"]
