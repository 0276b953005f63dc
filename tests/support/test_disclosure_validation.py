"""What the right-to-ask form says when an answer will not do: plain words that name the question, never
Django's stock messages; dates of birth as day, month and year (support.date_input)."""

import re
from datetime import date, datetime

import pytest
from django.utils import timezone

from support.forms import STEPS, ConcernsForm, ContactForm, PersonForm, WhoForm
from tests.support.conftest import VALID_STEPS, fill_in

STOCK = re.compile(
    r"Ensure this value|This field is required|Select a valid choice|Enter a valid|Enter a whole number"
    r"|Enter a number"
)


def person(**changes):
    data = {**VALID_STEPS[2], **changes}
    return PersonForm(data)


def dob(day, month, year):
    return {
        "person_date_of_birth_day": day,
        "person_date_of_birth_month": month,
        "person_date_of_birth_year": year,
    }


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("27", "", "1985"), "Date of birth must include a month"),
        (("", "3", "1985"), "Date of birth must include a day"),
        (("27", "3", ""), "Date of birth must include a year"),
        (("", "", "1985"), "Date of birth must include a day and month"),
        (("27", "", ""), "Date of birth must include a month and year"),
        (("31", "2", "1985"), "Date of birth must be a real date"),
        (("27", "13", "1985"), "Date of birth must be a real date"),
        (("0", "3", "1985"), "Date of birth must be a real date"),
        (("x", "3", "1985"), "Date of birth must be a real date"),
        (("27", "3", "85"), "Date of birth must have a year with 4 numbers, like 1985"),
        (("27", "3", "1899"), "Date of birth must be 1900 or later"),
        (("27", "3", "99999999999999999999"), "Date of birth must have a year with 4 numbers, like 1985"),
    ],
)
def test_a_date_of_birth_that_will_not_do_says_why(parts, message):
    form = person(**dob(*parts))
    assert not form.is_valid()
    assert form.errors["person_date_of_birth"] == [message]


def test_a_date_of_birth_must_be_in_the_past(time_machine):
    time_machine.move_to(timezone.make_aware(datetime(2026, 12, 1, 23, 59)), tick=False)
    form = person(**dob("2", "12", "2026"))
    assert form.errors["person_date_of_birth"] == ["Date of birth must be in the past"]
    assert person(**dob("1", "12", "2026")).is_valid()


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("27", "3", "1985"), date(1985, 3, 27)),
        ((" 07 ", "03", "1985"), date(1985, 3, 7)),
        (("27", "March", "1985"), date(1985, 3, 27)),
        (("27", "mar", "1985"), date(1985, 3, 27)),
        (("1", "Sept", "1985"), date(1985, 9, 1)),
        (("", "", ""), None),
    ],
)
def test_a_date_of_birth_is_read_from_day_month_and_year(parts, expected):
    form = person(**dob(*parts))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["person_date_of_birth"] == expected


def test_the_date_of_birth_is_one_question_with_three_numeric_boxes():
    form = PersonForm(initial={"person_date_of_birth": "1985-03-27"})
    field = form["person_date_of_birth"]
    rendered = str(field)
    for part, value in (("day", "27"), ("month", "3"), ("year", "1985")):
        assert f'name="person_date_of_birth_{part}"' in rendered
        assert f'value="{value}"' in rendered
    assert rendered.count('inputmode="numeric"') == 3
    assert rendered.count('autocomplete="off"') == 3
    for label in ("Day", "Month", "Year"):
        assert f">{label}</label>" in rendered
    assert 'type="date"' not in rendered


@pytest.mark.django_db
def test_the_date_of_birth_renders_as_a_fieldset_with_its_hint(client, request_page):
    fill_in(client, request_page.url, VALID_STEPS[:2])
    content = client.get(request_page.url).content.decode()
    start = content.index('<fieldset class="date-field"')
    fieldset = content[start : content.index("</fieldset>", start)]
    assert "<legend" in fieldset and "Their date of birth (optional)" in fieldset
    assert "For example, 27 3 1985" in fieldset
    assert 'aria-describedby="id_person_date_of_birth_helptext"' in fieldset


@pytest.mark.django_db
def test_a_wrong_date_links_the_error_summary_to_the_day_box(client, request_page):
    fill_in(client, request_page.url, VALID_STEPS[:2])
    response = client.post(
        request_page.url,
        {"step": 2, "action": "continue", **VALID_STEPS[2], **dob("27", "", "1985")},
    )
    content = response.content.decode()
    assert '<a href="#id_person_date_of_birth_0">Date of birth must include a month</a>' in content
    assert 'id="id_person_date_of_birth_0"' in content
    assert 'value="27"' in content and 'value="1985"' in content


@pytest.mark.parametrize(
    ("age", "message"),
    [
        ("5", "Age must be 10 or more"),
        ("121", "Age must be 120 or less"),
        ("forty", "Age must be a whole number, like 45"),
        ("4.5", "Age must be a whole number, like 45"),
    ],
)
def test_an_age_that_will_not_do_says_why_in_plain_words(age, message):
    form = person(person_age=age)
    assert form.errors["person_age"] == [message]


def too_long(field):
    return "x" * ((field.max_length or 0) + 1)


def invalid_answers(form_class):
    """For each question of a step: an answer that fails (too long, not offered, not an email...)."""
    form = form_class()
    for name in form.visible_field_names():
        field = form.fields[name]
        if name == "person_date_of_birth":
            yield name, dob("31", "2", "1985")
        elif name == "person_age":
            yield name, {name: "5"}
        elif hasattr(field, "choices"):
            yield name, {name: "not-a-choice"}
        elif name == "email":
            yield name, {name: "not an email", "contact_method": "email"}
        elif getattr(field, "max_length", None):
            yield name, {name: too_long(field)}
        elif field.required:
            yield name, {name: ""}


@pytest.mark.parametrize("form_class", STEPS, ids=lambda form_class: form_class.__name__)
def test_every_error_message_is_plain_and_names_its_question(form_class, db):
    checked = 0
    for name, answers in invalid_answers(form_class):
        step = STEPS.index(form_class)
        form = form_class({**VALID_STEPS[step], **answers})
        assert not form.is_valid(), name
        messages = form.errors.get(name)
        assert messages, f"{form_class.__name__}.{name}: no error for {answers}"
        for message in messages:
            assert not STOCK.search(message), f"{name}: Django's stock message {message!r}"
            noun = form.nouns.get(name) or form.fields[name].label.removesuffix(" (optional)")
            required = form.required_messages.get(name)
            assert message == required or noun.lower() in message.lower() or name == "person_date_of_birth", (
                f"{name}: {message!r} does not name {noun!r}"
            )
        checked += 1
    assert checked == len(form_class().visible_field_names())


@pytest.mark.django_db
def test_too_long_answers_say_how_long_they_may_be():
    form = ContactForm({**VALID_STEPS[1], "your_name": "x" * 201})
    assert form.errors["your_name"] == ["Your name must be 200 characters or fewer"]
    form = ConcernsForm({"concerns": "x" * 5001, "police_force": "north-wales"})
    assert form.errors["concerns"] == ["Your concerns must be 5,000 characters or fewer"]


def test_an_answer_not_offered_asks_the_question_again():
    form = WhoForm({"asking_for": "the-neighbours"})
    assert form.errors["asking_for"] == ["Choose whether you are asking for yourself or for someone else"]


def test_an_email_address_that_will_not_do_shows_the_right_shape():
    form = ContactForm({**VALID_STEPS[1], "email": "marigold at example"})
    assert form.errors["email"] == ["Enter an email address in the correct format, like name@example.com"]
