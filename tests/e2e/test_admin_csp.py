"""The Wagtail admin under the site's strict Content Security Policy (no 'unsafe-inline').

Staff must be able to edit and preview pages, and the browser must report no violation while they do
(website/staff/admin_csp.py; every other admin screen is walked in test_admin_screens_csp.py).
"""

import re

from playwright.sync_api import expect
from wagtail.models import Page

PASSWORD = "a-long-password-for-tests"


def sign_in(page, username):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def test_staff_can_edit_save_and_preview_a_page_under_the_strict_csp(
    new_page, site_pages, django_user_model, csp_violations
):
    django_user_model.objects.create_superuser("editor", "editor@waymark.example", PASSWORD)
    page = new_page()
    sign_in(page, "editor")

    page.goto(f"/admin/pages/{site_pages.standard.id}/edit/")
    title = page.get_by_role("textbox", name="Title")
    expect(title).to_have_value(site_pages.standard.title)
    title.fill("About Waymark")
    body = page.locator("[contenteditable=true]").first
    body.click()
    page.keyboard.press("End")
    page.keyboard.type(" Typed in the page editor.")
    # Draftail copies its content into the form field after typing settles.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("Typed in the page editor"))
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has been updated")).to_be_visible()

    revision = Page.objects.get(pk=site_pages.standard.pk).get_latest_revision()
    assert revision.content["title"] == "About Waymark"
    assert "Typed in the page editor." in str(revision.content["body"])

    page.get_by_role("button", name="Toggle preview").click()
    # Wagtail loads the preview in a second iframe and swaps it in when it has loaded.
    loaded = "iframe#w-preview-iframe[src*='/edit/preview/']"
    expect(page.locator(loaded)).to_have_count(1)
    preview = page.frame_locator(loaded)
    expect(preview.get_by_role("heading", level=1, name="About Waymark")).to_be_visible()

    page.close()  # before the test's data goes: the preview panel keeps asking for updates
    assert not csp_violations, "the admin breaks the CSP:\n" + "\n".join(sorted(set(csp_violations)))
