"""The safe call-back request in a browser: found from a support page, sent, and read by a caseworker."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from support.models import CaseworkTeam, DisclosureRequest
from tests.conftest import _Silent
from tests.e2e.axe_audit import describe_violations, serious_violations
from tests.support.factories import CaseworkerFactory

PASSWORD = "a-long-test-password"


@pytest.fixture
def demo_site(settings):
    call_command("seed_demo", stdout=_Silent())
    settings.DISCLOSURE_SUBMIT_RATE = "1000/h"


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

    page.get_by_role("button", name="Ask for a call-back").click()
    expect(page.get_by_role("link", name="Enter a phone number we can call safely")).to_be_visible()
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
    page.get_by_role("button", name="Ask for a call-back").click()
    expect(page.get_by_role("heading", level=1, name="We will call you back")).to_be_visible()
    assert "Robin" not in page.content()
    assert "07700" not in page.url and "Robin" not in page.url
    # A visit is one history entry (history.js): Back leaves the site rather than showing the form again.
    page.go_back()
    page.wait_for_load_state()
    assert "Robin" not in page.content()

    request = DisclosureRequest.objects.get(kind=DisclosureRequest.Kind.CALLBACK)
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
    assert offsite_requests == []
    assert csp_violations == []
