"""What a caseworker sees first on signing in: their queue on the dashboard, safety flags before anything."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from tests.support.factories import CaseworkerFactory, CaseworkTeamFactory, DisclosureRequestFactory

PASSWORD = "a-long-test-password"


def test_a_caseworker_signs_in_to_their_queue_and_opens_the_flagged_overdue_request(
    new_page, site_pages, csp_violations
):
    team = CaseworkTeamFactory(name="North of England")
    caseworker = CaseworkerFactory(username="casey")
    team.members.add(caseworker)
    flagged = DisclosureRequestFactory(
        team=team, created_at=timezone.now() - timedelta(days=10), safety_flags=["immediate_harm"]
    )
    mine = DisclosureRequestFactory(team=team, assigned_to=caseworker)
    elsewhere = DisclosureRequestFactory(team=CaseworkTeamFactory(name="Scotland"))

    page = new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("casey")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    headings = page.locator(".casework-dashboard-panel h2")
    expect(headings).to_have_text(
        [
            "Overdue: not contacted within two working days",
            "Due today: first contact",
            "My open requests",
            "Unassigned in my teams",
        ]
    )
    expect(page.get_by_placeholder("Search all pages…")).to_have_count(0)
    expect(page.get_by_text(elsewhere.reference)).to_have_count(0)
    expect(page.locator("#casework-mine-section").get_by_role("link", name=mine.reference)).to_be_visible()

    overdue = page.locator("#casework-overdue-section")
    first_row = overdue.get_by_role("row").nth(1)
    expect(first_row.get_by_role("cell").first).to_have_text("Risk of immediate harm")
    first_row.get_by_role("link", name=flagged.reference).click()

    expect(page.get_by_role("heading", name="Safety flags")).to_be_visible()
    expect(page.get_by_role("heading", name="Safe contact: read before any contact")).to_be_visible()
    expect(page.get_by_label("Assign to")).to_have_value(str(caseworker.pk))
    assert csp_violations == []
