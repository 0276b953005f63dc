"""Every public page type, in each state a reader meets it: no serious or critical axe-core violation,
nothing requested from another origin, and nothing the Content Security Policy had to block."""

from playwright.sync_api import expect

from tests.e2e.axe_audit import describe_violations, serious_violations
from tests.e2e.test_foundation_journeys import ACCEPT_WARNING

SEARCH_LABEL = "Search stories, guidance and the campaign"


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


def test_every_page_type_is_accessible_and_loads_only_from_our_origin(
    browser_page, site_pages, offsite_requests, csp_violations
):
    # One test visits them all: building the page tree costs more than a visit, and one report
    # listing every failing page type is more use than the first failure alone.
    page = browser_page
    failures = {}
    for page_type, open_page in PAGE_TYPES.items():
        offsite_requests.clear()
        csp_violations.clear()
        open_page(page, site_pages)
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
            failures[f"{page_type} ({page.url})"] = "\n".join(problems)

    assert not failures, "\n\n".join(f"== {where}\n{problems}" for where, problems in failures.items())
