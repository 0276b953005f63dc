"""Browser journeys through the demo site as a first-time visitor meets it: the home page leads to the
petition and the letter, no public page logs an error (the favicon included), the petition asks for a country
only when the signer lives outside the UK (on a phone, with and without JavaScript), and an empty letter
form names each missing field."""

import pytest
from django.core.management import call_command

from petition.models import PetitionPage
from tests.conftest import _Silent
from tests.e2e.axe_audit import describe_violations, serious_violations

expect = pytest.importorskip("playwright.sync_api").expect

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}
PUBLIC_PAGES = [
    "/",
    "/about/",
    "/contact/",
    "/privacy/",
    "/accessibility/",
    "/helplines/",
    "/support/",
    "/support/clares-law/",
    "/ask-the-police/",
    "/campaign/",
    "/stories/",
    "/petition/",
    "/write-to-your-mp/",
    "/search/",
]


@pytest.fixture
def demo_site(transactional_db):
    call_command("seed_demo", stdout=_Silent())


def test_the_home_page_leads_to_the_petition_with_its_count_and_to_the_letter(browser_page, demo_site):
    page = browser_page
    page.goto("/")
    expect(page).to_have_title("Waymark: register serial domestic abusers and stalkers")
    expect(page.get_by_text("people have signed")).to_be_visible()
    page.get_by_role("link", name="Sign the petition").click()
    expect(page.get_by_role("heading", level=1, name=PetitionPage.objects.get().title)).to_be_visible()
    # The petition is the first form page: Back still returns to the home page read before it.
    page.go_back()
    page.wait_for_url("**/")
    page.get_by_role("link", name="Write to your MP").first.click()
    expect(page.get_by_label("Your postcode")).to_be_visible()

    footer = page.get_by_role("contentinfo")
    for name in ("Contact us", "Privacy notice", "Accessibility statement"):
        expect(footer.get_by_role("link", name=name)).to_be_visible()
    expect(footer).to_contain_text("Registered charity number")
    expect(footer).to_contain_text("Data controller:")


def test_a_campaign_reader_goes_back_from_the_stories_to_the_campaign(browser_page, demo_site):
    page = browser_page
    page.goto("about:blank")
    page.goto("/campaign/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Stories").click()
    expect(page.get_by_role("heading", level=1, name="Stories")).to_be_visible()
    page.get_by_role("link", name="He had done it before").click()
    expect(page.get_by_role("heading", level=1, name="He had done it before")).to_be_visible()

    page.go_back()
    expect(page.get_by_role("heading", level=1, name="Stories")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("heading", level=1, name="Campaign")).to_be_visible()
    assert page.url.endswith("/campaign/")
    page.go_back()
    assert page.url == "about:blank", "Back did not leave the site from its first page"


def test_no_public_page_logs_an_error_or_misses_a_file(browser_page, demo_site, live_server):
    page = browser_page
    errors, failed = [], []
    page.on(
        "console", lambda message: message.type == "error" and errors.append(f"{page.url}: {message.text}")
    )
    page.on(
        "response",
        lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"),
    )
    for path in PUBLIC_PAGES:
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    assert errors == []
    assert failed == []
    icon = page.request.get(live_server.url + "/favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"] == "image/vnd.microsoft.icon"


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_on_a_phone_the_petition_asks_for_a_country_only_outside_the_uk(new_page, demo_site, javascript):
    page = new_page(java_script_enabled=javascript, **PHONE)
    page.goto(PetitionPage.objects.get().url)
    country = page.get_by_label("Which country do you live in?")
    postcode = page.get_by_label("UK postcode")
    expect(page.get_by_label("In the UK")).to_be_checked()
    expect(postcode).to_be_visible()
    expect(country).to_be_hidden()

    page.get_by_label("Outside the UK").check()
    expect(country).to_be_visible()
    expect(postcode).to_be_hidden()
    country.select_option(label="Kosovo")
    box = country.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    page.get_by_label("Your name").fill("Alex Smith")
    page.get_by_label("Email address").fill("alex@example.org")
    page.get_by_role("button", name="Sign the petition").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check your email")


def test_a_uk_postcode_that_does_not_exist_is_refused_at_its_field(browser_page, demo_site):
    page = browser_page
    page.goto(PetitionPage.objects.get().url)
    page.get_by_label("Your name").fill("Alex Smith")
    page.get_by_label("Email address").fill("alex@example.org")
    page.get_by_label("UK postcode").fill("ZZ99 9ZZ")
    page.get_by_role("button", name="Sign the petition").click()
    expect(page.get_by_role("link", name="We couldn't find that postcode.", exact=False)).to_be_visible()
    expect(page.get_by_label("UK postcode")).to_have_value("ZZ99 9ZZ")


def test_an_empty_letter_form_names_each_missing_field(browser_page, demo_site):
    page = browser_page
    page.goto("/write-to-your-mp/")
    page.get_by_label("Your postcode").fill("SE1 2DL")
    page.get_by_role("button", name="Find my MP").click()
    page.get_by_role("button", name="Write my letter").click()
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(summary.get_by_role("link")).to_have_text(
        [
            "Enter your name.",
            "Enter your address: MPs reply only to their own constituents.",
            "Write a few sentences, in your own words, about why this matters to you.",
        ]
    )
    expect(page.get_by_text("This field is required.")).to_have_count(0)
    summary.get_by_role("link", name="Enter your address", exact=False).click()
    expect(page.get_by_label("Your address")).to_be_focused()


def test_the_home_page_footer_pages_and_helplines_pass_the_axe_audit(browser_page, demo_site, csp_violations):
    page = browser_page
    failures = {}
    for path in ("/", "/contact/", "/privacy/", "/accessibility/", "/helplines/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        violations = serious_violations(page)
        if violations:
            failures[path] = describe_violations(violations)
    assert not failures, failures
    assert csp_violations == []
