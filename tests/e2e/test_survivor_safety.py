"""A survivor's visit, on the demo site (seed_demo): one history entry from the first support or form page
on, so Back after the quick exit never shows a support page or a form; answers that belong to the tab; the
form on a 375-pixel phone; dates of birth and error messages in plain words."""

import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.models import Site

from support import form_state
from support.models import DisclosureRequest
from tests.conftest import _Silent
from tests.e2e.axe_audit import describe_violations, serious_violations
from tests.e2e.conftest import OFFSITE_BODY
from tests.website.factories import publish_safety_settings

FORM = "/ask-the-police/"
TRACKS = "/support/cover-your-tracks/"
EXIT = re.compile("Exit this page")
PHONE = {"viewport": {"width": 375, "height": 667}, "has_touch": True, "is_mobile": True}


@pytest.fixture
def demo(settings, neutral_site):
    call_command("seed_demo", stdout=_Silent())
    settings.DISCLOSURE_STEP_RATE = settings.DISCLOSURE_SUBMIT_RATE = "1000/h"
    publish_safety_settings(Site.objects.get(is_default_site=True), quick_exit_url=neutral_site.url)
    neutral_site.visits.clear()
    return neutral_site.url


def on_site(page, live_server):
    return page.url.startswith(live_server.url)


def history_length(page):
    return page.evaluate("history.length")


def continue_(page):
    page.get_by_role("button", name="Continue").click()


def answer_who(page):
    page.get_by_label("For someone else").check()
    page.get_by_label("Your relationship to the person you are worried about").fill("Her brother")
    continue_(page)
    expect(page.get_by_text("Step 2 of 5")).to_be_visible()


def answer_contact(page, name="Marigold Uniquename"):
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number").fill("07700 900555")
    page.get_by_label("When is it safe to contact you?").fill("Tuesdays after nine")
    page.get_by_role("group", name="Is it safe to leave a voicemail or message?").get_by_label("No").check()
    page.get_by_label("Use a cover name").check()
    continue_(page)
    expect(page.get_by_text("Step 3 of 5")).to_be_visible()


def date_of_birth(page):
    return page.get_by_role("group", name="Their date of birth (optional)")


# History: one entry from the first support page on.


def test_after_pages_and_form_steps_the_quick_exit_leaves_nothing_of_the_support_visit_behind_back(
    demo, browser_page, live_server, csp_violations
):
    page = browser_page
    page.goto("about:blank")
    page.goto("/")

    # The home page is not a support page: opening the first one is an ordinary step…
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Support").click()
    expect(page.get_by_role("heading", level=1, name="Support")).to_be_visible()
    start = history_length(page)

    # …and from there pages, by the menu and by links in them, replace it.
    page.get_by_role("link", name="Clare's Law: your right to ask").click()
    expect(page.get_by_role("heading", level=1, name="Clare's Law: your right to ask")).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Ask the police").click()
    expect(page.get_by_text("Step 1 of 5")).to_be_visible()

    # Form steps, a step with errors, and the form's own Back button.
    continue_(page)
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    answer_who(page)
    answer_contact(page)
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_text("Step 2 of 5")).to_be_visible()
    expect(page.get_by_label("Your name")).to_have_value("Marigold Uniquename")
    continue_(page)
    expect(page.get_by_text("Step 3 of 5")).to_be_visible()
    # An in-page link (the skip link) does not add an entry either.
    page.get_by_role("link", name="Skip to main content").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
    assert history_length(page) == start, "moving around the support pages added history entries"
    assert not csp_violations, csp_violations

    page.get_by_role("link", name=EXIT).click()
    page.wait_for_url(demo)

    # Back shows the page read before the first support page, then the page before the site.
    page.go_back()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/", f"Back showed {page.url}, not the home page read first"
    page.go_back()
    page.wait_for_load_state()
    assert page.url == "about:blank"
    assert "Marigold" not in page.content()


def test_campaign_then_two_support_pages_then_the_quick_exit_back_never_shows_a_support_page(
    demo, browser_page, live_server
):
    page = browser_page
    page.goto("about:blank")
    page.goto("/campaign/")
    before = history_length(page)
    menu = page.get_by_role("navigation", name="Main")

    menu.get_by_role("link", name="Support").click()
    expect(page.get_by_role("heading", level=1, name="Support")).to_be_visible()
    assert history_length(page) == before + 1, "the first support page is an ordinary step"
    page.get_by_role("link", name="Clare's Law: your right to ask").click()
    expect(page.get_by_role("heading", level=1, name="Clare's Law: your right to ask")).to_be_visible()
    # A page that is not a support page, opened after one, stays in the same entry too.
    menu.get_by_role("link", name="Stories").click()
    expect(page.get_by_role("heading", level=1, name="Stories")).to_be_visible()
    menu.get_by_role("link", name="Support").click()
    expect(page.get_by_role("heading", level=1, name="Support")).to_be_visible()
    assert history_length(page) == before + 1

    page.get_by_role("link", name=EXIT).click()
    page.wait_for_url(demo)

    # Back from the neutral site shows the campaign page, the last page read before the support pages.
    page.go_back()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/campaign/", page.url
    expect(page.get_by_role("heading", level=1, name="Campaign")).to_be_visible()
    page.go_back()
    page.wait_for_load_state()
    assert page.url == "about:blank"
    # The exit forgot the tab's one-entry mode with the rest of its storage: the campaign page behaves as
    # on a first visit.
    page.go_forward()
    page.wait_for_load_state()
    assert page.evaluate("sessionStorage.getItem('waymark-one-entry')") is None


@pytest.fixture
def slow_neutral_site():
    """A neutral destination that takes a second and a half to answer, so the exit is slow to arrive."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            time.sleep(1.5)
            body = OFFSITE_BODY.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/weather"
    server.shutdown()
    server.server_close()


def test_the_quick_exit_wins_over_a_form_step_still_on_its_way(
    demo, browser_page, live_server, slow_neutral_site, monkeypatch
):
    publish_safety_settings(Site.objects.get(is_default_site=True), quick_exit_url=slow_neutral_site)
    save = form_state.save

    def slow_save(request, state):
        time.sleep(0.5)
        save(request, state)

    page = browser_page
    page.goto("about:blank")
    page.goto(FORM)
    page.get_by_label("For myself").check()
    monkeypatch.setattr(form_state, "save", slow_save)
    # The step's answer arrives while the exit is still on its way to the slow destination: it must not be
    # written over the page (which would stop the exit) nor make the browser send the form itself.
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name=EXIT).click()
    page.wait_for_url(slow_neutral_site)
    expect(page.get_by_role("heading", name="Weather")).to_be_visible()
    page.go_back()
    page.wait_for_load_state()
    assert not on_site(page, live_server)


def test_after_a_support_page_a_search_adds_no_history_entry_either(demo, browser_page):
    page = browser_page
    page.goto("/support/")
    start = history_length(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_label("Search stories, guidance and the campaign").fill("stalking")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("link", name="What stalking is")).to_be_visible()
    page.get_by_role("link", name="What stalking is").click()
    expect(page.get_by_role("heading", level=1, name="What stalking is")).to_be_visible()
    assert history_length(page) == start


def test_the_search_page_is_a_form_page_so_the_visit_collapses_from_it(demo, browser_page):
    page = browser_page
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    expect(page.get_by_role("heading", level=1, name="Search")).to_be_visible()
    start = history_length(page)
    page.get_by_label("Search stories, guidance and the campaign").fill("stalking")
    page.get_by_role("button", name="Search", exact=True).click()
    page.get_by_role("link", name="What stalking is").click()
    expect(page.get_by_role("heading", level=1, name="What stalking is")).to_be_visible()
    assert history_length(page) == start

    page.go_back()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/", "Back did not return to the page read before the search"


def test_without_javascript_pages_and_steps_work_as_before(demo, new_page, live_server):
    page = new_page(java_script_enabled=False)
    page.goto(FORM)
    start = history_length(page)
    answer_who(page)
    answer_contact(page)
    expect(page.get_by_text("Closing this tab does not clear your answers")).to_be_visible()
    expect(page.get_by_text("Your answers belong to this tab")).to_be_hidden()
    assert history_length(page) > start, "without scripts each step is an ordinary page"


def test_the_cover_your_tracks_guidance_says_which_case_the_reader_is_in(demo, new_page):
    page = new_page()
    page.goto(TRACKS)
    expect(page.get_by_text("In this browser, Back will not bring our support pages back.")).to_be_visible()
    expect(page.get_by_text("In this browser, Back can bring this site back.")).to_be_hidden()

    without = new_page(java_script_enabled=False)
    without.goto(TRACKS)
    expect(without.get_by_text("In this browser, Back can bring this site back.")).to_be_visible()
    expect(without.get_by_text("In this browser, Back will not bring our support pages back.")).to_be_hidden()


# Answers belong to the tab.


def test_closing_the_tab_forgets_the_answers_and_reloading_keeps_them(demo, browser_page):
    page = browser_page
    page.goto(FORM)
    expect(page.get_by_text("Your answers belong to this tab")).to_be_visible()
    expect(page.get_by_text("Closing this tab does not clear your answers")).to_be_hidden()
    answer_who(page)
    answer_contact(page)

    page.reload()
    expect(page.get_by_text("Step 3 of 5")).to_be_visible()
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_label("Your name")).to_have_value("Marigold Uniquename")

    context = page.context
    page.close()
    again = context.new_page()
    again.goto(FORM)
    expect(again.get_by_text("Step 1 of 5")).to_be_visible()
    again.get_by_label("For myself").check()
    continue_(again)
    expect(again.get_by_text("Step 2 of 5")).to_be_visible()
    expect(again.get_by_label("Your name")).to_have_value("")
    assert "Marigold" not in again.content()


def test_two_tabs_keep_their_own_answers_and_each_can_send(demo, browser_page):
    first = browser_page
    second = first.context.new_page()
    for page in (first, second):
        page.goto(FORM)
        answer_who(page)
    answer_contact(first, name="Alex Firsttab")
    answer_contact(second, name="Robin Secondtab")
    for page, name in ((first, "Alex Firsttab"), (second, "Robin Secondtab")):
        page.get_by_role("button", name="Back").click()
        expect(page.get_by_label("Your name")).to_have_value(name)
        continue_(page)
        expect(page.get_by_text("Step 3 of 5")).to_be_visible()
        page.get_by_label("Their name").fill("Barnaby Perpetratorson")
        page.get_by_label("Their relationship to you, or to the person you are worried about").fill("Partner")
        continue_(page)
        page.get_by_label("What worries you?").fill("He hurt his last partner")
        page.get_by_label("Police force area").select_option(label="Metropolitan Police Service")
        continue_(page)
        page.get_by_label(re.compile("I have read the privacy notice")).check()
        continue_(page)
        expect(
            page.get_by_role("heading", name="Check your answers before sending your request")
        ).to_be_visible()
        expect(page.get_by_text(name)).to_be_visible()  # this tab's answers, not the other's
        page.get_by_role("button", name="Send request").click()
        expect(page.get_by_role("heading", name="Your request has been sent")).to_be_visible()
    assert sorted(DisclosureRequest.objects.values_list("your_name", flat=True)) == [
        "Alex Firsttab",
        "Robin Secondtab",
    ]


def test_a_browser_that_refuses_session_storage_is_told_the_answers_outlive_the_tab(demo, browser_page):
    page = browser_page
    page.add_init_script(
        "Object.defineProperty(window, 'sessionStorage', "
        "{get() { throw new DOMException('refused', 'SecurityError'); }})"
    )
    page.goto(FORM)
    expect(page.get_by_text("Closing this tab does not clear your answers")).to_be_visible()
    expect(page.get_by_text("Your answers belong to this tab")).to_be_hidden()
    # Still one history entry: that needs no storage.
    back_note = "Your browser's Back button does not show this site's support pages or forms"
    expect(page.get_by_text(back_note)).to_be_visible()
    start = history_length(page)
    answer_who(page)
    assert history_length(page) == start


# A 375-pixel phone.


def test_on_a_phone_the_first_question_is_on_screen_and_the_menu_is_folded(demo, new_page):
    page = new_page(**PHONE)
    page.goto(FORM)
    first_question = page.get_by_role("group", name="Who are you asking for?")
    expect(first_question.get_by_label("For myself")).to_be_in_viewport()
    assert page.evaluate("window.scrollY") == 0

    menu = page.get_by_role("navigation", name="Main")
    expect(menu.get_by_role("link", name="Support")).to_be_hidden()
    menu.get_by_text("Menu").click()
    expect(menu.get_by_role("link", name="Support")).to_be_visible()

    # Instructions for a touch screen, not a keyboard.
    note = page.get_by_role("region", name="Leaving quickly, and your answers")
    expect(note.get_by_text("Tap Exit this page at the top of the screen")).to_be_visible()
    expect(note.get_by_text("press Shift three times")).to_be_hidden()


def test_on_a_phone_without_javascript_the_menu_still_opens(demo, new_page):
    page = new_page(java_script_enabled=False, **PHONE)
    page.goto(FORM)
    menu = page.get_by_role("navigation", name="Main")
    expect(menu.get_by_role("link", name="Support")).to_be_hidden()
    menu.get_by_text("Menu").click()
    menu.get_by_role("link", name="Support").click()
    expect(page.get_by_role("heading", level=1, name="Support")).to_be_visible()


def test_on_a_computer_the_menu_is_open_and_the_exit_note_names_the_shift_key(demo, browser_page):
    page = browser_page
    page.goto("/support/")
    menu = page.get_by_role("navigation", name="Main")
    expect(menu.get_by_role("link", name="Support")).to_be_visible()
    expect(menu.get_by_text("Menu")).to_be_hidden()
    note = page.get_by_role("region", name="Leaving this site quickly")
    expect(note.get_by_text("press Shift three times")).to_be_visible()
    expect(note.get_by_text("Tap Exit this page")).to_be_hidden()


# Dates of birth and error messages.


def test_date_of_birth_is_day_month_and_year_with_plain_errors(demo, browser_page):
    page = browser_page
    page.goto(FORM)
    answer_who(page)
    answer_contact(page)

    group = date_of_birth(page)
    expect(group).to_contain_text("For example, 27 3 1985")
    for part in ("Day", "Month", "Year"):
        expect(group.get_by_role("textbox", name=part)).to_have_attribute("inputmode", "numeric")
    page.get_by_label("Their name").fill("Barnaby Perpetratorson")
    page.get_by_label("Their relationship to you, or to the person you are worried about").fill("Partner")

    cases = [
        (("27", "", "1985"), "Date of birth must include a month"),
        (("31", "2", "1985"), "Date of birth must be a real date"),
        (("27", "3", "2999"), "Date of birth must be in the past"),
    ]
    for (day, month, year), message in cases:
        group.get_by_role("textbox", name="Day").fill(day)
        group.get_by_role("textbox", name="Month").fill(month)
        group.get_by_role("textbox", name="Year").fill(year)
        continue_(page)
        summary = page.get_by_role("alert")
        expect(summary.get_by_role("link", name=message)).to_be_visible()
        expect(date_of_birth(page).get_by_text(message)).to_be_visible()
        group = date_of_birth(page)

    page.get_by_label("Their approximate age (optional)").fill("5")
    group.get_by_role("textbox", name="Month").fill("3")
    group.get_by_role("textbox", name="Year").fill("1985")
    continue_(page)
    expect(page.get_by_role("alert").get_by_role("link", name="Age must be 10 or more")).to_be_visible()
    assert "Ensure this value" not in page.content()

    page.get_by_label("Their approximate age (optional)").fill("")
    continue_(page)
    expect(page.get_by_text("Step 4 of 5")).to_be_visible()
    page.get_by_role("button", name="Back").click()
    group = date_of_birth(page)
    expect(group.get_by_role("textbox", name="Day")).to_have_value("27")
    expect(group.get_by_role("textbox", name="Month")).to_have_value("3")
    expect(group.get_by_role("textbox", name="Year")).to_have_value("1985")


def test_the_date_question_with_its_errors_and_the_phone_menu_have_no_serious_accessibility_violations(
    demo, browser_page, new_page
):
    page = browser_page
    page.goto(FORM)
    answer_who(page)
    answer_contact(page)
    date_of_birth(page).get_by_role("textbox", name="Day").fill("27")
    continue_(page)
    expect(page.get_by_role("alert")).to_contain_text("Enter their name")
    expect(page.get_by_role("alert")).to_contain_text("Date of birth must include a month")
    violations = serious_violations(page)
    assert not violations, describe_violations(violations)

    phone = new_page(**PHONE)
    phone.goto(FORM)
    phone.get_by_role("navigation", name="Main").get_by_text("Menu").click()
    violations = serious_violations(phone)
    assert not violations, describe_violations(violations)


def test_an_empty_step_names_every_question_it_needs(demo, browser_page):
    page = browser_page
    page.goto(FORM)
    answer_who(page)
    continue_(page)
    summary = page.get_by_role("alert")
    for message in (
        "Enter the name you would like us to use",
        "Choose how we can contact you safely",
        "Tell us when it is safe to contact you",
    ):
        expect(summary.get_by_role("link", name=message)).to_be_visible()
    expect(summary).not_to_contain_text("This field is required")
