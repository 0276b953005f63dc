"""The safe call-back request in a browser: found from a support page, sent, and read by a caseworker."""

import re

import pytest
from django.core.management import call_command
from django.utils.dateformat import format as format_date
from playwright.sync_api import expect

from support.models import CallbackRequestPage, CaseworkTeam, DisclosureRequest
from tests.conftest import _Silent
from tests.e2e.axe_audit import describe_violations, serious_violations
from tests.support.factories import CaseworkerFactory, HelplineFactory

PASSWORD = "a-long-test-password"


@pytest.fixture
def demo_site(settings):
    call_command("seed_demo", stdout=_Silent())
    settings.DISCLOSURE_SUBMIT_RATE = settings.DISCLOSURE_STEP_RATE = "1000/h"
    # Ofcom's drama range: a number no real service answers. The page's editor chooses the helpline.
    callback_page = CallbackRequestPage.objects.get()
    callback_page.follow_up_helpline = HelplineFactory(name="Waymark support line", number="020 7946 0123")
    callback_page.save_revision().publish()


def test_a_survivor_asks_for_a_call_back_and_a_caseworker_sees_the_safe_contact_rules_first(
    new_page, demo_site, offsite_requests, csp_violations
):
    page = new_page()
    page.goto("/support/getting-help/")
    page.get_by_role("link", name="Ask us to call you back").click()
    expect(page.get_by_role("heading", level=1, name="Ask us to call you back")).to_be_visible()
    expect(page.get_by_role("link", name="Exit this page")).to_be_visible()
    violations = serious_violations(page)
    assert not violations, describe_violations(violations)

    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="Enter a phone number we can call safely")).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: How and when to call you · Ask us to call you back"))
    assert serious_violations(page) == []

    page.get_by_label("What should we call you?").fill("Robin")
    page.get_by_label("A safe phone number").fill("07700 900123")
    page.get_by_label("When is it safe to call?").fill("Thursday mornings")
    page.get_by_role("group", name="If you do not answer, is it safe to leave a voicemail?").get_by_label(
        "No"
    ).check()
    page.get_by_label("Which language would you like us to speak?").fill("Polish")
    page.get_by_label("England").check()
    page.get_by_label("I have read the privacy notice").check()
    page.get_by_role("button", name="Continue").click()

    # Check your answers: nothing sent yet, every answer with its Change button.
    expect(
        page.get_by_role("heading", level=1, name="Check your answers before asking for a call-back")
    ).to_be_visible()
    expect(page).to_have_title(re.compile("^Check your answers · Ask us to call you back"))
    summary = page.locator(".summary-list")
    expect(summary).to_contain_text("Thursday mornings")
    expect(summary).to_contain_text("Polish")
    assert DisclosureRequest.objects.count() == 0
    assert serious_violations(page) == []
    page.get_by_role("button", name="Change when is it safe to call?").click()
    expect(page.get_by_label("When is it safe to call?")).to_have_value("Thursday mornings")
    page.get_by_label("When is it safe to call?").fill("Friday afternoons")
    page.get_by_role("button", name="Continue").click()
    expect(summary).to_contain_text("Friday afternoons")
    expect(summary).not_to_contain_text("Thursday mornings")
    assert "Friday" not in page.url and "07700" not in page.url

    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_role("heading", level=1, name="We will call you back")).to_be_visible()
    request = DisclosureRequest.objects.get(kind=DisclosureRequest.Kind.CALLBACK)
    assert request.safe_times == "Friday afternoons"
    expect(page.get_by_text(request.public_reference)).to_be_visible()
    due = format_date(request.due_date, "l j F Y")
    expect(
        page.get_by_text(f"If we have not contacted you by {due}, call Waymark support line on")
    ).to_be_visible()
    assert "Robin" not in page.content()
    assert "07700" not in page.url and "Robin" not in page.url and request.public_reference not in page.url
    # One history entry per visit (history.js): Back leaves the site, and shows no answers.
    page.go_back()
    assert "/call-back/" not in page.url and "/support/" not in page.url
    expect(page.get_by_label("What should we call you?")).to_have_count(0)

    team = request.team
    assert team == CaseworkTeam.objects.get(is_default=True)
    caseworker = CaseworkerFactory(username="casey")
    team.members.add(caseworker)
    staff = new_page()
    staff.goto("/admin/login/")
    staff.get_by_label("Username").fill("casey")
    staff.get_by_label("Password").fill(PASSWORD)
    staff.get_by_role("button", name="Sign in").click()
    staff.wait_for_url("**/admin/")
    staff.locator("#casework-due-today-section, #casework-unassigned-section").get_by_role(
        "link", name=request.reference
    ).first.click()
    safe_contact = staff.get_by_role("region", name="Safe contact: read before any contact")
    expect(safe_contact).to_contain_text("07700 900123")
    expect(safe_contact).to_contain_text("never leave a voicemail")
    expect(safe_contact).to_contain_text("Polish")
    # "Voicemail not safe" flagged the case by itself, first on the page.
    expect(staff.get_by_role("region", name="Safety flags")).to_contain_text("Never leave a voicemail")
    # A call-back case offers call-back outcomes only.
    outcome = staff.get_by_role("combobox", name="Outcome")
    labels = [label.strip() for label in outcome.locator("option").all_inner_texts()]
    assert "Could not reach safely" in labels and "Called back" in labels
    assert "Police made a disclosure" not in labels and "Decided not to apply" not in labels
    staff.get_by_role("combobox", name="Status").select_option(label="Closed")
    outcome.select_option(label="Could not reach safely")
    staff.get_by_role("button", name="Change status").click()
    status = staff.get_by_role("region", name="Status", exact=True)
    expect(status.get_by_text("outcome: Could not reach safely")).to_be_visible()

    # In the queue: the flag's badge on the row, and a filter for it.
    staff.goto("/admin/disclosure_requests/?flag=no_voicemail")
    row = staff.get_by_role("row").filter(has=staff.get_by_role("link", name=request.reference))
    expect(row.get_by_role("list", name="Safety flags")).to_contain_text("Never leave a voicemail")
    staff.goto("/admin/disclosure_requests/?flag=immediate_harm")
    expect(staff.get_by_role("link", name=request.reference)).to_have_count(0)
    assert offsite_requests == []
    assert csp_violations == []
