"""Browser journeys for the right-to-ask form and the casework queue (Playwright + Debian's Chromium)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils.dateformat import format as format_date
from playwright.sync_api import expect

from support.models import AuditEntry, DisclosureRequest, DisclosureRequestPage
from tests.conftest import _Silent
from tests.support.factories import HelplineFactory

FORM = "/ask-the-police/"
PASSWORD = "a-long-caseworker-password"


@pytest.fixture
def demo_site(settings):
    # tests/e2e/conftest.py gives every browser test a freshly migrated database (serialized rollback).
    call_command("seed_demo", stdout=_Silent())
    # The live server runs the test settings; tasks run at once, email stays in memory.
    settings.DISCLOSURE_STEP_RATE = settings.DISCLOSURE_SUBMIT_RATE = "1000/h"


def answer_first_three_steps(page):
    page.goto(FORM)
    page.get_by_label("For someone else").check()
    page.get_by_label("Your relationship to the person you are worried about").fill("Her brother")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Step 2 of 5")).to_be_visible()
    page.get_by_label("Your name").fill("Marigold Uniquename")
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number").fill("07700 900555")
    page.get_by_label("When is it safe to contact you?").fill("Tuesdays after nine")
    page.get_by_role("group", name="Is it safe to leave a voicemail or message?").get_by_label("No").check()
    page.get_by_label("Use a cover name").check()
    page.get_by_label("Cover name to use (optional)").fill("Pat from the library")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Step 3 of 5")).to_be_visible()
    page.get_by_label("Their name").fill("Barnaby Perpetratorson")
    page.get_by_label("Their approximate age (optional)").fill("45")
    page.get_by_label("Their relationship to you, or to the person you are worried about").fill("Partner")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Step 4 of 5")).to_be_visible()


def test_quick_exit_in_the_middle_of_the_form_blanks_the_page_leaves_and_forgets(
    demo_site, browser_page, offsite_requests, csp_violations
):
    page = browser_page
    answer_first_three_steps(page)
    page.get_by_label("What worries you?").fill("Something I must not leave on screen")

    # Record what the page looks like the moment the quick exit starts, before it navigates away.
    seen = []
    page.expose_binding("recordLeaving", lambda source, state: seen.append(state))
    page.evaluate("""() => new MutationObserver(() => window.recordLeaving({
        leaving: document.documentElement.classList.contains("quick-exit-leaving"),
        visibility: getComputedStyle(document.body).visibility,
        title: document.title.replace(/\u200b/g, ""),
    })).observe(document.documentElement, {attributes: true})""")
    page.get_by_role("link", name=re.compile("Exit this page")).click()
    page.wait_for_url(re.compile("bbc"))
    expect(page).to_have_title("Weather")
    assert any("bbc" in url for url in offsite_requests)
    # Other attribute changes on <html> may come first; from the moment it leaves, nothing shows.
    leaving = [state for state in seen if state["leaving"]]
    assert leaving and all(state["visibility"] == "hidden" for state in leaving)
    assert leaving[-1]["title"] == ""

    # Back re-requests the form (it is never cached): the answers are gone with the session.
    page.go_back()
    assert "Something I must not leave on screen" not in page.content()
    assert "Marigold" not in page.content() and "Barnaby" not in page.content()
    if FORM in page.url:
        expect(page.get_by_text("Step 1 of 5")).to_be_visible()
    assert DisclosureRequest.objects.count() == 0
    assert not csp_violations


def test_a_caseworker_finds_claims_and_progresses_a_request(demo_site, browser_page, csp_violations):
    page = browser_page
    answer_first_three_steps(page)
    page.get_by_label("What worries you?").fill("He hurt his last partner")
    page.get_by_label("Police force area").select_option(label="Metropolitan Police Service")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Privacy notice")).to_be_visible()
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_role("heading", name="Your request has been sent")).to_be_visible()
    assert "Marigold" not in page.content()
    request = DisclosureRequest.objects.get()
    assert request.team.name == "London and the South East"

    user = get_user_model().objects.create_user("londoncaseworker", "london@waymark.test", PASSWORD)
    user.groups.add(Group.objects.get(name="Caseworkers"))
    request.team.members.add(user)

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("londoncaseworker")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile("/admin/$"))

    page.goto("/admin/disclosure_requests/")
    expect(page.get_by_role("heading", name="Team queues")).to_be_visible()
    expect(page.get_by_role("link", name="London and the South East")).to_be_visible()
    page.get_by_role("link", name=request.reference).click()

    expect(page.get_by_role("heading", name=re.compile("Safe contact"))).to_be_visible()
    expect(page.get_by_text("Pat from the library")).to_be_visible()
    page.get_by_role("button", name="Claim this request").click()
    expect(page.get_by_text("You have claimed this request.")).to_be_visible()

    page.get_by_role("combobox", name="Status").select_option(label="Triaged")
    page.get_by_role("button", name="Change status").click()
    expect(page.get_by_text("Status is now Triaged.")).to_be_visible()

    request.refresh_from_db()
    assert request.assigned_to == user
    assert request.status == DisclosureRequest.Status.TRIAGED
    actions = set(AuditEntry.objects.filter(request_id=request.pk).values_list("action", flat=True))
    assert {"created", "viewed", "claimed", "status_changed"} <= actions
    assert not csp_violations, "\n".join(csp_violations)


def test_a_survivor_checks_changes_and_sends_and_is_given_a_reference_and_a_date(
    demo_site, browser_page, csp_violations
):
    # Ofcom's drama range: a number no real service answers. The page's editor chooses the helpline.
    line = HelplineFactory(name="Waymark support line", number="020 7946 0123", hours="9am to 5pm")
    form_page = DisclosureRequestPage.objects.get()
    form_page.follow_up_helpline = line
    form_page.save_revision().publish()

    page = browser_page
    answer_first_three_steps(page)
    page.get_by_label("What worries you?").fill("He hurt his last partner")
    page.get_by_label("Police force area").select_option(label="Metropolitan Police Service")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile("^Privacy and sending your request · "))
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    page.get_by_role("button", name="Continue").click()

    expect(
        page.get_by_role("heading", level=1, name="Check your answers before sending your request")
    ).to_be_visible()
    expect(page).to_have_title(re.compile("^Check your answers · "))
    expect(page.locator(".summary-list")).to_have_count(4)  # the four steps with answers
    expect(page.get_by_text("Marigold Uniquename")).to_be_visible()
    expect(page.get_by_text("Tuesdays after nine")).to_be_visible()
    assert not serious_violations(page)
    assert DisclosureRequest.objects.count() == 0  # nothing is sent before "Send request"
    assert "Marigold" not in page.url

    page.get_by_role("button", name="Change your name", exact=True).click()
    expect(page.get_by_text("Step 2 of 5")).to_be_visible()
    expect(page.get_by_label("Your name")).to_have_value("Marigold Uniquename")
    page.get_by_label("Your name").fill("Marigold Changedname")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Check your answers"))).to_be_visible()
    expect(page.get_by_text("Marigold Changedname")).to_be_visible()
    expect(page.get_by_text("Marigold Uniquename")).to_have_count(0)
    assert page.url.endswith(FORM)

    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_role("heading", name="Your request has been sent")).to_be_visible()
    request = DisclosureRequest.objects.get()
    assert request.your_name == "Marigold Changedname"
    assert request.safety_flags == ["no_voicemail"]
    expect(page.get_by_text(request.public_reference)).to_be_visible()
    due = format_date(request.due_date, "l j F Y")
    expect(
        page.get_by_text(f"If we have not contacted you by {due}, call Waymark support line on")
    ).to_be_visible()
    expect(page.get_by_role("article").get_by_role("link", name="020 7946 0123")).to_have_attribute(
        "href", "tel:02079460123"
    )
    assert request.public_reference not in page.url and request.reference not in page.content()
    assert "Marigold" not in page.content()
    assert not serious_violations(page)
    # A reload in the same tab still shows the reference (kept for this tab, not in the URL).
    page.reload()
    expect(page.get_by_text(request.public_reference)).to_be_visible()
    assert not csp_violations, "\n".join(csp_violations)


def serious_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        violation["id"]
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def test_the_form_and_its_errors_have_no_serious_accessibility_violations(demo_site, browser_page):
    page = browser_page
    page.goto(FORM)
    assert not serious_violations(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert not serious_violations(page)
    page.get_by_label("For myself").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Step 2 of 5")).to_be_visible()
    page.get_by_role("button", name="Continue").click()  # step 2 with every error showing
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: You, and how to contact you safely · "))
    assert not serious_violations(page)
