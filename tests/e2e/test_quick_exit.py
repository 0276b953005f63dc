"""The quick exit, as a survivor on a shared or monitored device uses it: a click, Shift three times,
or a plain link without JavaScript. Each test starts at about:blank, so "Back" has somewhere to go
that is not ours, and must never bring the site page back."""

import json
from importlib import import_module

import pytest
from django.conf import settings
from playwright.sync_api import expect

EXIT_LINK = "Exit this page"
NOTE_TITLE = "Leaving this site quickly"


def is_site_url(url, live_server):
    return url.startswith(live_server.url)


def open_from_blank(page, url):
    page.goto("about:blank")
    page.goto(url)


def exit_link(page):
    return page.get_by_role("link", name=EXIT_LINK)


def status(page):
    """The visually hidden live region screen readers hear the Shift count from."""
    return page.locator("[data-quick-exit-status]")


def assert_left_for(destination, page, live_server):
    page.wait_for_url(destination)
    expect(page.get_by_role("heading", name="Weather")).to_be_visible()
    assert not is_site_url(page.url, live_server)


def assert_back_does_not_show_the_site(destination, page, live_server):
    page.go_back()
    page.wait_for_load_state()
    assert not is_site_url(page.url, live_server), f"Back returned to the site page: {page.url}"
    assert page.url in ("about:blank", destination)


# Reports, from inside the page, what the reader sees the moment the quick exit starts to leave.
REPORT_LEAVING = """
addEventListener("DOMContentLoaded", () => {
  new MutationObserver(() => {
    if (document.documentElement.classList.contains("quick-exit-leaving")) {
      console.log("quick-exit-leaving " + JSON.stringify({
        title: document.title, visibility: getComputedStyle(document.body).visibility,
      }));
    }
  }).observe(document.documentElement, {attributes: true, attributeFilter: ["class"]});
});
"""


def test_clicking_exit_hides_the_page_at_once_and_leaves_for_the_neutral_destination(
    browser_page, site_pages, live_server, quick_exit_destination, neutral_site
):
    page = browser_page
    page.add_init_script(REPORT_LEAVING)
    reports = []
    page.on("console", lambda message: reports.append(message.text))
    open_from_blank(page, site_pages.guidance.url)
    expect(page.get_by_role("heading", level=1, name=site_pages.guidance.title)).to_be_visible()

    exit_link(page).click()

    assert_left_for(quick_exit_destination, page, live_server)
    prefix = "quick-exit-leaving "
    leaving = [json.loads(text.removeprefix(prefix)) for text in reports if text.startswith(prefix)]
    assert leaving, "the page never marked itself as leaving"
    assert leaving[0]["visibility"] == "hidden"
    assert leaving[0]["title"].replace("\u200b", "").strip() == ""
    assert neutral_site.visits[-1]["path"] == "/weather"
    assert neutral_site.visits[-1]["referer"] is None, "the destination learnt where the reader came from"
    assert_back_does_not_show_the_site(quick_exit_destination, page, live_server)


def test_quick_exit_forgets_the_server_session(browser_page, site_pages, live_server, quick_exit_destination):
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store["last_guidance_read"] = site_pages.guidance.url
    store.create()
    page = browser_page
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": store.session_key, "url": live_server.url}]
    )
    open_from_blank(page, site_pages.guidance.url)

    exit_link(page).click()
    assert_left_for(quick_exit_destination, page, live_server)

    assert not store.exists(store.session_key), "the session survived the quick exit"
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies(live_server.url)}
    assert cookies.get(settings.SESSION_COOKIE_NAME) in (None, ""), cookies


@pytest.mark.parametrize("java_script", [True, False], ids=["script", "plain-link"])
def test_the_quick_exit_leaves_no_cookie_of_ours_in_the_browser(
    new_page, site_pages, live_server, quick_exit_destination, java_script
):
    page = new_page(java_script_enabled=java_script)
    open_from_blank(page, "/search/")  # a form: it sets a CSRF token
    names = {cookie["name"] for cookie in page.context.cookies(live_server.url)}
    assert settings.CSRF_COOKIE_NAME in names
    [token] = [c for c in page.context.cookies(live_server.url) if c["name"] == settings.CSRF_COOKIE_NAME]
    assert token["expires"] == -1, "the CSRF token outlives the browser session"

    exit_link(page).click()
    assert_left_for(quick_exit_destination, page, live_server)
    assert page.context.cookies(live_server.url) == []


def test_pressing_shift_three_times_exits_and_says_how_many_presses_are_left(
    browser_page, site_pages, live_server, quick_exit_destination
):
    page = browser_page
    open_from_blank(page, site_pages.guidance.url)

    page.keyboard.press("Shift")
    expect(status(page)).to_have_text("Press Shift 2 more times to exit this page.")
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text("Press Shift 1 more time to exit this page.")
    page.keyboard.press("Shift")

    assert_left_for(quick_exit_destination, page, live_server)
    assert_back_does_not_show_the_site(quick_exit_destination, page, live_server)


def test_shift_held_to_type_capitals_does_not_count(browser_page, site_pages):
    page = browser_page
    page.goto("/search/")
    search_box = page.get_by_label("Search stories, guidance and the campaign")
    search_box.click()

    for word in ("Is", "This", "Abuse"):
        page.keyboard.down("Shift")
        page.keyboard.press(f"Key{word[0]}")
        page.keyboard.up("Shift")
        page.keyboard.type(word[1:] + " ")

    expect(search_box).to_have_value("Is This Abuse ")
    expect(status(page)).to_have_text("")
    assert page.url.endswith("/search/")


def test_another_key_between_presses_starts_the_count_again(
    browser_page, site_pages, live_server, quick_exit_destination
):
    page = browser_page
    open_from_blank(page, site_pages.guidance.url)

    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("ArrowDown")
    expect(status(page)).to_have_text("")
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text("Press Shift 2 more times to exit this page.")
    assert page.url.endswith(site_pages.guidance.url)

    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert_left_for(quick_exit_destination, page, live_server)


def test_presses_more_than_five_seconds_apart_start_the_count_again(
    browser_page, site_pages, live_server, quick_exit_destination
):
    page = browser_page
    page.clock.install()
    open_from_blank(page, site_pages.guidance.url)

    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.fast_forward(5_100)
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text("Press Shift 2 more times to exit this page.")

    page.clock.fast_forward(4_900)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert_left_for(quick_exit_destination, page, live_server)


def test_without_javascript_the_quick_exit_is_a_plain_link_that_still_leaves(
    new_page, site_pages, live_server, quick_exit_destination, neutral_site
):
    page = new_page(java_script_enabled=False)
    open_from_blank(page, site_pages.guidance.url)

    link = exit_link(page)
    expect(link).to_have_attribute("href", "/exit/")
    assert {"noreferrer", "nofollow"} <= set(link.get_attribute("rel").split())
    # Without JavaScript the note cannot be dismissed, so it offers no button that does nothing.
    expect(page.get_by_role("region", name=NOTE_TITLE)).to_be_visible()
    expect(page.get_by_role("button", name="Got it")).to_be_hidden()

    link.click()
    assert_left_for(quick_exit_destination, page, live_server)
    assert neutral_site.visits[-1]["referer"] is None, "the destination learnt where the reader came from"


def test_quick_exit_is_the_first_stop_after_the_skip_link(browser_page, site_pages):
    page = browser_page
    page.goto(site_pages.home.url)

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Tab")
    expect(exit_link(page)).to_be_focused()


def test_quick_exit_stays_on_screen_when_the_reader_scrolls(new_page, site_pages):
    page = new_page(viewport={"width": 375, "height": 600})
    page.goto(site_pages.guidance.url)

    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert page.evaluate("window.scrollY") > 300, "the page is too short to prove anything"
    expect(exit_link(page)).to_be_in_viewport()
    box = exit_link(page).bounding_box()
    assert 0 <= box["y"] < 100


def test_support_pages_explain_the_quick_exit_until_the_reader_dismisses_the_note(browser_page, site_pages):
    page = browser_page
    page.goto(site_pages.guidance.url)
    note = page.get_by_role("region", name=NOTE_TITLE)
    expect(note).to_be_visible()
    expect(note).to_contain_text("press Shift three times")
    expect(note).to_contain_text("does not delete your browser history")
    expect(note.get_by_role("link", name="Find out how to cover your tracks")).to_have_attribute(
        "href", site_pages.cover_your_tracks.url
    )

    note.get_by_role("button", name="Got it").click()
    expect(note).to_be_hidden()

    # The next support page, in the same tab.
    page.goto(site_pages.guidance_index.url)
    expect(page.get_by_role("heading", level=1, name=site_pages.guidance_index.title)).to_be_visible()
    expect(page.get_by_role("region", name=NOTE_TITLE)).to_be_hidden()
    page.get_by_role("link", name=site_pages.cover_your_tracks.title).click()
    expect(page.get_by_role("heading", level=1, name=site_pages.cover_your_tracks.title)).to_be_visible()
    expect(page.get_by_role("region", name=NOTE_TITLE)).to_be_hidden()


def test_a_new_tab_shows_the_quick_exit_note_again(browser_page, site_pages):
    page = browser_page
    page.goto(site_pages.guidance.url)
    page.get_by_role("button", name="Got it").click()

    new_tab = page.context.new_page()
    new_tab.goto(site_pages.guidance.url)
    expect(new_tab.get_by_role("region", name=NOTE_TITLE)).to_be_visible()


def test_the_note_is_only_on_support_pages(browser_page, site_pages):
    page = browser_page
    page.goto(site_pages.campaign.url)
    expect(page.get_by_role("heading", level=1, name=site_pages.campaign.title)).to_be_visible()
    expect(page.get_by_role("region", name=NOTE_TITLE)).to_have_count(0)
