"""The scripts speak the page's language from the catalog (website/i18n/javascript_catalog.py) and never
depend on it: the quick exit counts and leaves the same whether the catalog is Welsh, late or missing."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.test_quick_exit import assert_left_for, open_from_blank, status


def press_shift_three_times_and_hear(page, first, second):
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(first)
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(second)
    page.keyboard.press("Shift")


def test_with_the_welsh_catalog_the_shift_count_is_said_in_welsh(
    browser_page, site_pages, live_server, quick_exit_destination, csp_violations
):
    page = browser_page
    welsh = page.request.get(live_server.url + reverse("javascript_catalog", args=["cy"]))
    assert welsh.ok
    # The page is English (no language switch on this branch): hand it the Welsh catalog instead.
    page.route("**/jsi18n/en-gb.js", lambda route: route.fulfill(response=welsh))
    open_from_blank(page, site_pages.guidance.url)
    page.wait_for_function("window.django && window.django.jsi18n_initialized")

    press_shift_three_times_and_hear(
        page,
        "Pwyswch Shift 2 waith eto i adael y dudalen hon.",
        "Pwyswch Shift 1 waith eto i adael y dudalen hon.",
    )
    assert_left_for(quick_exit_destination, page, live_server)
    assert csp_violations == []


def test_without_the_catalog_the_quick_exit_still_counts_in_english_and_leaves(
    browser_page, site_pages, live_server, quick_exit_destination
):
    page = browser_page
    page.route("**/jsi18n/**", lambda route: route.abort())
    open_from_blank(page, site_pages.guidance.url)

    press_shift_three_times_and_hear(
        page, "Press Shift 2 more times to exit this page.", "Press Shift 1 more time to exit this page."
    )
    assert_left_for(quick_exit_destination, page, live_server)


def test_a_catalog_that_never_arrives_does_not_hold_up_the_exit(
    browser_page, site_pages, live_server, quick_exit_destination
):
    page = browser_page
    page.route("**/jsi18n/**", lambda route: None)  # left hanging: the request never answers
    page.goto("about:blank")
    page.goto(site_pages.guidance.url, wait_until="commit")
    page.get_by_role("link", name="Exit this page").click()
    assert_left_for(quick_exit_destination, page, live_server)
