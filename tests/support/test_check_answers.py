"""Both survivor forms follow GOV.UK's pattern for sensitive data: every step named in the page title
("Error: " first when it shows errors), a "Check your answers" page before anything is sent, and a
confirmation with a reference the person can quote and the date by which we will have been in touch, none of
it in a URL."""

import html
import re
from datetime import date, datetime, time

import pytest
from django.test import Client
from django.utils import timezone

from support import form_state
from support.forms import STEPS
from support.models import CallbackRequestPage, DisclosureRequest, DisclosureRequestPage
from support.models.disclosure import REFERENCE_ALPHABET
from tests.support.conftest import CHECK_STEP, VALID_STEPS, fill_in
from tests.support.factories import CallbackRequestPageFactory, HelplineFactory

pytestmark = pytest.mark.django_db

CALLBACK_ANSWERS = {
    "your_name": "Robin Covername",
    "phone": "07700 900123",
    "safe_times": "Thursday mornings only",
    "voicemail_safe": "no",
    "language": "Polish",
    "nation": "england",
    "police_force": "",
    "concerns": "",
    "consent": "on",
}
# Ofcom's range for drama (020 7946 0000 to 0999): a number no real service answers.
TEST_NUMBER = "020 7946 0123"
GROUP = f"[{REFERENCE_ALPHABET}]{{3}}"
PUBLIC_REFERENCE = re.compile(f"{GROUP}-{GROUP}-{GROUP}")


def title(response):
    return html.unescape(re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip())


def at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour)))


@pytest.fixture
def callback_page(home):
    page = CallbackRequestPageFactory(parent=home)
    page.save_revision().publish()
    return page


@pytest.fixture
def follow_up_line(db):
    return HelplineFactory(name="Waymark support line", number=TEST_NUMBER, hours="9am to 5pm, weekdays")


def fill_in_steps(client, url):
    """Every step, stopping at the check-answers page."""
    fill_in(client, url, VALID_STEPS[:-1])
    return client.post(url, {"step": CHECK_STEP - 1, "action": "continue", **VALID_STEPS[-1]})


# --- Titles ---------------------------------------------------------------------------------------------


def test_every_disclosure_step_names_its_section_in_the_title(client, request_page):
    seen = []
    for number, data in enumerate(VALID_STEPS):
        seen.append(title(client.get(request_page.url)))
        client.post(request_page.url, {"step": number, "action": "continue", **data})
    assert seen == [f"{form.title} · {request_page.title} · Waymark" for form in STEPS]
    assert title(client.get(request_page.url)) == f"Check your answers · {request_page.title} · Waymark"


def test_a_step_showing_errors_says_error_first_in_its_title(client, request_page):
    response = client.post(request_page.url, {"step": 0, "action": "continue"})
    assert title(response) == f"Error: Who is asking · {request_page.title} · Waymark"
    fill_in(client, request_page.url, VALID_STEPS[:1])
    response = client.post(request_page.url, {"step": 1, "action": "continue", "your_name": "Sam"})
    assert title(response).startswith("Error: You, and how to contact you safely · ")


def test_the_call_back_form_its_errors_and_its_check_page_have_their_own_titles(client, callback_page):
    form = client.get(callback_page.url)
    assert title(form) == f"How and when to call you · {callback_page.title} · Waymark"
    errors = client.post(callback_page.url, {"your_name": "Robin"})
    assert title(errors) == f"Error: How and when to call you · {callback_page.title} · Waymark"
    check = client.post(callback_page.url, CALLBACK_ANSWERS)
    assert title(check) == f"Check your answers · {callback_page.title} · Waymark"


# --- Check your answers: the disclosure request ---------------------------------------------------------


def test_after_the_last_step_every_answer_is_listed_to_check_and_nothing_is_sent(
    client, request_page, wales_team
):
    response = fill_in_steps(client, request_page.url)
    assert response["Location"] == request_page.url
    assert DisclosureRequest.objects.count() == 0
    content = client.get(request_page.url).content.decode()
    assert 'class="summary-list"' in content
    for shown in [
        "For someone else",
        "Her brother Quentin",
        "Marigold Uniquename",
        "Email",
        "marigold.safe@example.org",
        "Use a cover name",
        "Pat from the library",
        "Barnaby Perpetratorson",
        "5 April 1979",
        "7 Zanzibar Close, Otterford",
        "North Wales Police",
        "He strangled his last girlfriend",
    ]:
        assert shown in content, shown
    # Every question has its Change button, its hidden text naming the question (GOV.UK).
    assert 'Change<span class="visually-hidden"> their name</span>' in content
    assert 'Change<span class="visually-hidden"> your name</span>' in content
    assert content.count('name="change"') == content.count('class="summary-list__row"')
    # The blank optional question reads "Not given"; the consent box is not an answer to check.
    assert "Not given" in content
    assert "I have read the privacy notice" not in content
    assert "Send request" in content


def test_change_goes_back_to_the_step_and_then_returns_to_check_your_answers(
    client, request_page, wales_team
):
    fill_in_steps(client, request_page.url)
    response = client.post(request_page.url, {"step": CHECK_STEP, "change": "2"})
    assert response["Location"] == request_page.url  # no step and no answer in the URL
    content = client.get(request_page.url).content.decode()
    assert "Step 3 of 5" in content
    assert 'value="Barnaby Perpetratorson"' in content
    assert "Back to your answers" in content

    changed = {**VALID_STEPS[2], "person_name": "Bartholomew Changedname"}
    client.post(request_page.url, {"step": 2, "action": "continue", **changed})
    content = client.get(request_page.url).content.decode()
    assert "Check your answers" in content
    assert "Bartholomew Changedname" in content and "Barnaby Perpetratorson" not in content
    assert DisclosureRequest.objects.count() == 0

    response = client.post(request_page.url, {"step": CHECK_STEP, "action": "send"})
    assert response["Location"] == request_page.url + "sent/"
    assert DisclosureRequest.objects.get().person_name == "Bartholomew Changedname"


def test_a_change_with_a_mistake_stays_on_its_step_and_back_returns_to_the_answers(client, request_page):
    fill_in_steps(client, request_page.url)
    client.post(request_page.url, {"step": CHECK_STEP, "change": "1"})
    mistake = {**VALID_STEPS[1], "your_name": ""}
    response = client.post(request_page.url, {"step": 1, "action": "continue", **mistake})
    assert response.status_code == 200
    assert "Enter the name you would like us to use" in response.content.decode()
    client.post(request_page.url, {"step": 1, "action": "back", **mistake})
    content = client.get(request_page.url).content.decode()
    assert "Check your answers" in content and "Marigold Uniquename" in content


def test_back_from_check_your_answers_is_the_last_step(client, request_page):
    fill_in_steps(client, request_page.url)
    client.post(request_page.url, {"step": CHECK_STEP, "action": "back"})
    assert f"Step {CHECK_STEP} of {CHECK_STEP}" in client.get(request_page.url).content.decode()


def test_send_from_a_check_page_the_session_has_not_reached_sends_nothing(client, request_page):
    fill_in(client, request_page.url, VALID_STEPS[:2])
    response = client.post(request_page.url, {"step": CHECK_STEP, "action": "send"})
    assert response.status_code == 200
    assert "Step 3 of 5" in response.content.decode()
    assert DisclosureRequest.objects.count() == 0


@pytest.mark.parametrize("change", ["9", "-1", "x", ""])
def test_a_change_of_a_step_that_does_not_exist_shows_the_answers_again(client, request_page, change):
    fill_in_steps(client, request_page.url)
    response = client.post(request_page.url, {"step": CHECK_STEP, "change": change})
    assert response.status_code == 200
    assert "Check your answers" in response.content.decode()


# --- Check your answers: the call-back request ----------------------------------------------------------


def test_the_call_back_answers_are_checked_before_anything_is_saved_or_kept(
    client, callback_page, triage_team
):
    response = client.post(callback_page.url, CALLBACK_ANSWERS)
    assert response.status_code == 200
    content = response.content.decode()
    assert DisclosureRequest.objects.count() == 0
    assert form_state.SESSION_KEY not in client.session  # the answers are in the page, not the session
    for shown in ["Robin Covername", "07700 900123", "Thursday mornings only", "Polish", "England"]:
        assert shown in content
    assert "I don&#x27;t know" in content  # the police force left blank
    assert 'Change<span class="visually-hidden"> a safe phone number</span>' in content
    # Sent again as the check page's hidden fields, with "Send request".
    assert '<input type="hidden" name="phone" value="07700 900123"' in content
    assert 'name="action" value="send"' in content


def test_change_on_the_call_back_check_page_shows_the_form_filled_in(client, callback_page, triage_team):
    response = client.post(callback_page.url, {**CALLBACK_ANSWERS, "change": "0"})
    content = response.content.decode()
    assert 'value="Robin Covername"' in content
    assert "There is a problem" not in content
    assert DisclosureRequest.objects.count() == 0
    check = client.post(callback_page.url, {**CALLBACK_ANSWERS, "your_name": "Robin Changed"})
    assert "Robin Changed" in check.content.decode()
    changed = {**CALLBACK_ANSWERS, "your_name": "Robin Changed"}
    sent = client.post(callback_page.url, {**changed, "action": "send"})
    assert sent["Location"] == callback_page.url + "sent/"
    assert DisclosureRequest.objects.get().your_name == "Robin Changed"


def test_answers_altered_on_the_way_from_the_check_page_are_checked_again(client, callback_page, triage_team):
    response = client.post(callback_page.url, {**CALLBACK_ANSWERS, "phone": "call me", "action": "send"})
    assert response.status_code == 200
    assert "Enter a phone number using digits" in response.content.decode()
    assert DisclosureRequest.objects.count() == 0


# --- The confirmation: a reference and a date -----------------------------------------------------------


def test_the_disclosure_confirmation_gives_the_persons_reference_and_the_working_day_to_expect_us(
    client, request_page, wales_team, follow_up_line, time_machine
):
    # Thursday 24 December 2026: Christmas, then Boxing Day's substitute on Monday 28, in Wales too.
    time_machine.move_to(at(date(2026, 12, 24), 15), tick=False)
    request_page.follow_up_helpline = follow_up_line
    request_page.save_revision().publish()
    response = fill_in(client, request_page.url)
    assert response["Location"] == request_page.url + "sent/"
    request = DisclosureRequest.objects.get()
    assert PUBLIC_REFERENCE.fullmatch(request.public_reference)
    assert request.public_reference not in request.reference

    content = client.get(response["Location"]).content.decode()
    assert request.public_reference in content
    assert request.reference not in content  # the staff reference stays with the staff
    assert "If we have not contacted you by Wednesday 30 December 2026, call Waymark support line" in content
    assert f'<a href="tel:02079460123">{TEST_NUMBER}</a>' in content
    assert "Marigold" not in content


def test_the_call_back_confirmation_gives_a_reference_and_the_date_and_keeps_them_out_of_the_url(
    client, callback_page, triage_team, follow_up_line, time_machine
):
    time_machine.move_to(at(date(2026, 12, 4), 18), tick=False)  # Friday evening: due on Tuesday
    callback_page.follow_up_helpline = follow_up_line
    callback_page.save_revision().publish()
    response = client.post(callback_page.url, {**CALLBACK_ANSWERS, "action": "send"})
    request = DisclosureRequest.objects.get()
    assert request.public_reference not in response["Location"]
    content = client.get(response["Location"]).content.decode()
    assert request.public_reference in content
    assert "If we have not contacted you by Tuesday 8 December 2026, call Waymark support line" in content


def test_without_a_live_follow_up_helpline_the_confirmation_points_to_the_helplines_on_the_page(
    client, callback_page, triage_team, follow_up_line
):
    follow_up_line.live = False
    follow_up_line.save()
    callback_page.follow_up_helpline = follow_up_line
    callback_page.save_revision().publish()
    response = client.post(callback_page.url, {**CALLBACK_ANSWERS, "action": "send"})
    content = client.get(response["Location"]).content.decode()
    assert "call one of the helplines on this page" in content
    assert TEST_NUMBER not in content


def test_the_reference_is_for_the_tab_that_sent_it_only(client, request_page, wales_team):
    tab = {"HTTP_WAYMARK_TAB": "b" * 32}
    fill_in(client, request_page.url, **tab)
    reference = DisclosureRequest.objects.get().public_reference
    assert reference in client.get(request_page.url + "sent/", **tab).content.decode()
    # Another tab of the same browser, or another browser, sees a confirmation with no reference.
    other_tab = client.get(request_page.url + "sent/", HTTP_WAYMARK_TAB="c" * 32).content.decode()
    assert reference not in other_tab and "Your reference" not in other_tab
    assert reference not in Client().get(request_page.url + "sent/").content.decode()


def test_the_quick_exit_forgets_the_reference(client, request_page, wales_team):
    fill_in(client, request_page.url)
    reference = DisclosureRequest.objects.get().public_reference
    client.get("/exit/", HTTP_SEC_FETCH_SITE="same-origin")
    assert reference not in client.get(request_page.url + "sent/").content.decode()


def test_the_reference_is_forgotten_after_thirty_minutes(client, request_page, wales_team, time_machine):
    time_machine.move_to(at(date(2026, 12, 7), 10), tick=False)
    fill_in(client, request_page.url)
    reference = DisclosureRequest.objects.get().public_reference
    time_machine.move_to(at(date(2026, 12, 7), 10).replace(minute=31), tick=False)
    assert reference not in client.get(request_page.url + "sent/").content.decode()


@pytest.mark.parametrize("page_model", [DisclosureRequestPage, CallbackRequestPage])
def test_editors_choose_the_follow_up_helpline_on_each_request_page(page_model):
    form_class = page_model.get_edit_handler().get_form_class()
    assert "follow_up_helpline" in form_class.base_fields
