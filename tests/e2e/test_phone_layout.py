"""On a 375×740 phone, the thing a reader came for is on the first screen: the first field of every form and
every confirmation, with the quick exit and the 999 line still there above them. Measured with the page at
the top, never scrolled; the demo site (seed_demo) gives the pages their real copy."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from tests.conftest import _Silent

WIDTH, HEIGHT = 375, 740
PHONE = {"viewport": {"width": WIDTH, "height": HEIGHT}, "is_mobile": True, "has_touch": True}
# What the bars above the page (quick exit, header strip, 999 line) may take, at most.
BARS_HEIGHT = 200
PARAGRAPH = (
    "My sister was followed for two years by a man who had done the same to three women before her. "
    "Nobody told her, and nobody joined the dots until she was hurt."
)


@pytest.fixture
def demo(settings, transactional_db):
    call_command("seed_demo", stdout=_Silent())
    settings.DISCLOSURE_STEP_RATE = settings.DISCLOSURE_SUBMIT_RATE = "1000/h"


@pytest.fixture
def phone(new_page, demo):
    return new_page(**PHONE)


def assert_on_first_screen(page, locator, what):
    """The whole of it inside the viewport, with the page not scrolled."""
    expect(locator).to_be_visible()
    assert page.evaluate("window.scrollY") == 0, f"the page was scrolled to show {what}"
    box = locator.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT, (
        f"{what} is at {box['y']:.0f}–{box['y'] + box['height']:.0f} px, below the {HEIGHT} px screen"
    )


def assert_quick_exit_and_999_on_screen(page):
    exit_link = page.get_by_role("link", name=re.compile("Exit this page"))
    assert_on_first_screen(page, exit_link, "the quick exit")
    emergency = page.get_by_role("complementary", name="Emergency help")
    assert_on_first_screen(page, emergency, "the 999 line")
    expect(emergency).to_contain_text("999")
    box = emergency.bounding_box()
    assert box["y"] + box["height"] <= BARS_HEIGHT, f"the bars take {box['y'] + box['height']:.0f} px"


def first_text_after_heading(page):
    """The confirmation's first sentence: what follows the page's h1."""
    return page.locator("main h1").locator("xpath=following-sibling::*[1]")


# The first field of each form.


def test_the_petition_form_starts_on_the_first_screen(phone):
    phone.goto("/petition/")
    assert_on_first_screen(phone, phone.get_by_label("Your name"), "the petition's first field")
    assert_quick_exit_and_999_on_screen(phone)


def test_the_letter_postcode_starts_on_the_first_screen(phone):
    phone.goto("/write-to-your-mp/")
    assert_on_first_screen(phone, phone.get_by_label("Your postcode"), "the letter's postcode field")
    assert_quick_exit_and_999_on_screen(phone)


def test_the_disclosure_first_question_is_on_the_first_screen(phone):
    phone.goto("/ask-the-police/")
    question = phone.get_by_role("group", name="Who are you asking for?")
    assert_on_first_screen(phone, question.get_by_label("For myself"), "the disclosure's first answer")
    assert_quick_exit_and_999_on_screen(phone)


def test_the_call_back_first_field_is_on_the_first_screen_and_the_privacy_notice_is_offered_by_the_button(
    phone,
):
    phone.goto("/call-back/")
    first_field = phone.get_by_label("What should we call you?")
    assert_on_first_screen(phone, first_field, "the call-back's first field")
    assert_quick_exit_and_999_on_screen(phone)

    # Told before sending: the notice is one line next to the button, and opens in place.
    notice = phone.get_by_text("How we use what you tell us (privacy notice)")
    expect(notice).to_be_visible()
    send = phone.get_by_role("button", name="Continue")
    notice_box, send_box = notice.bounding_box(), send.bounding_box()
    assert 0 < send_box["y"] - notice_box["y"] < 120, "the privacy notice is not beside the button"
    expect(phone.get_by_text("We encrypt what you tell us")).to_be_hidden()
    notice.click()
    expect(phone.get_by_text("We encrypt what you tell us")).to_be_visible()


# Each confirmation.


def send_from_check_answers(page):
    """The last question's Continue leads to 'Check your answers', whose button sends."""
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Check your answers"))).to_be_visible()
    page.get_by_role("button", name="Send request").click()


def test_the_petition_confirmations_are_on_the_first_screen(phone):
    phone.goto("/petition/")
    phone.get_by_label("Your name").fill("Sam Taylor")
    phone.get_by_label("Email address").fill("sam.taylor@example.org")
    phone.get_by_label("UK postcode").fill("SE1 2DL")
    phone.get_by_role("button", name="Sign the petition").click()
    heading = phone.get_by_role("heading", level=1, name="Check your email")
    assert_on_first_screen(phone, heading, "'Check your email'")
    assert_on_first_screen(phone, first_text_after_heading(phone), "what to do next")
    assert_quick_exit_and_999_on_screen(phone)

    link = re.search(r"https?://\S+/confirm/\S+/", mail.outbox[-1].body).group(0)
    phone.goto("/" + link.split("/", 3)[3])
    phone.get_by_role("button", name="Confirm my signature").click()
    heading = phone.get_by_role("heading", level=1, name="Your signature is confirmed")
    assert_on_first_screen(phone, heading, "'Your signature is confirmed'")
    assert_quick_exit_and_999_on_screen(phone)


def test_the_finished_letter_starts_on_the_first_screen(phone):
    phone.goto("/write-to-your-mp/")
    phone.get_by_label("Your postcode").fill("M1 1AD")
    phone.get_by_role("button", name="Find my MP").click()
    phone.get_by_label("Your name").fill("Sam Writer")
    phone.get_by_label("Your address").fill("1 Example Street\nManchester")
    phone.get_by_label("Why this matters to you, in your own words").fill(PARAGRAPH)
    phone.get_by_role("button", name="Write my letter").click()

    heading = phone.get_by_role("heading", name="Your letter to Lucy Powell")
    assert_on_first_screen(phone, heading, "the letter's heading")
    assert_on_first_screen(
        phone, phone.get_by_text("We don't have an email address for Lucy Powell."), "what to do with it"
    )
    assert_on_first_screen(phone, phone.get_by_role("button", name="Copy the letter"), "the Copy button")
    assert_quick_exit_and_999_on_screen(phone)


def test_the_disclosure_confirmation_comes_before_the_exit_note_on_the_first_screen(phone):
    page = phone
    page.goto("/ask-the-police/")
    page.get_by_label("For myself").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Your name").fill("Marigold Uniquename")
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number").fill("07700 900555")
    page.get_by_label("When is it safe to contact you?").fill("Tuesdays after nine")
    page.get_by_role("group", name="Is it safe to leave a voicemail or message?").get_by_label("No").check()
    page.get_by_label("Use a cover name").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Their name").fill("Barnaby Perpetratorson")
    page.get_by_label("Their relationship to you, or to the person you are worried about").fill("Partner")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("What worries you?").fill("He hurt his last partner")
    page.get_by_label("Police force area").select_option(label="Metropolitan Police Service")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    send_from_check_answers(page)
    heading = page.get_by_role("heading", level=1, name="Your request has been sent")

    assert_on_first_screen(page, heading, "'Your request has been sent'")
    assert_on_first_screen(page, first_text_after_heading(page), "the confirmation's first sentence")
    assert_quick_exit_and_999_on_screen(page)
    note = page.get_by_role("region", name="Leaving this site quickly")
    assert note.bounding_box()["y"] > heading.bounding_box()["y"], "the exit note comes first"


def test_the_call_back_confirmation_comes_before_the_exit_note_on_the_first_screen(phone):
    page = phone
    page.goto("/call-back/")
    page.get_by_label("What should we call you?").fill("Robin")
    page.get_by_label("A safe phone number").fill("07700 900123")
    page.get_by_label("When is it safe to call?").fill("Thursday mornings")
    page.get_by_role("group", name="If you do not answer, is it safe to leave a voicemail?").get_by_label(
        "No"
    ).check()
    page.get_by_label("England").check()
    page.get_by_label("I have read the privacy notice").check()
    send_from_check_answers(page)
    heading = page.get_by_role("heading", level=1, name="We will call you back")

    assert_on_first_screen(page, heading, "'We will call you back'")
    assert_on_first_screen(page, first_text_after_heading(page), "the confirmation's first sentence")
    assert_quick_exit_and_999_on_screen(page)
    note = page.get_by_role("region", name="Leaving this site quickly")
    assert note.bounding_box()["y"] > heading.bounding_box()["y"], "the exit note comes first"
