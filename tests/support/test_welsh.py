"""The support side in Welsh: the right-to-ask form, its date of birth, the call-back form and their pages say
everything in Welsh when Welsh is the active language, and English stays as it was.

Welsh is switched on with `translation.override("cy")` and the pages are served directly (page.serve), so
these tests do not depend on how a request chooses its language (LocaleMiddleware, /cy/ URLs)."""

import json
import re
from datetime import datetime
from html import unescape

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation

from support import subject_access
from support.callback_form import CallbackForm
from support.forms import ConcernsForm, ContactForm, PersonForm, WhoForm
from support.models import DisclosureRequest
from tests.support.conftest import VALID_STEPS
from tests.support.factories import CallbackRequestPageFactory, DisclosureRequestFactory

# Words that only appear in the English text of these forms: none may be left on a Welsh page.
ENGLISH = re.compile(
    r"\b(Enter|Choose|Tell us|must|There is|Your name|Privacy notice|Continue|Step \d|Day|Month|Year"
    r"|This field is required)\b"
)


def dob(day, month, year):
    return {
        "person_date_of_birth_day": day,
        "person_date_of_birth_month": month,
        "person_date_of_birth_year": year,
    }


def welsh(form_class, data):
    """The form, checked with Welsh active; `.messages` holds its errors as the page would show them."""
    with translation.override("cy"):
        form = form_class(data)
        form.is_valid()
        form.messages = {name: [str(error) for error in errors] for name, errors in form.errors.items()}
        return form


def render_form(form):
    """The form as the page draws it (crispy), in the language active now."""
    return unescape(Template("{% load crispy_forms_tags %}{% crispy form %}").render(Context({"form": form})))


def error_next_to(html, field_id):
    """The error message drawn for one field (crispy's invalid-feedback beside the input)."""
    match = re.search(rf'<(?:span|div|p) id="error_1_{field_id}"[^>]*>\s*<strong>(.*?)</strong>', html, re.S)
    return unescape(match.group(1).strip()) if match else None


# ---- the right-to-ask form


def test_a_missing_answer_is_explained_in_welsh_next_to_its_question():
    form = welsh(ContactForm, {"contact_method": "phone"})
    with translation.override("cy"):
        html = render_form(form)
    assert error_next_to(html, "id_your_name") == "Rhowch yr enw yr hoffech chi i ni ei ddefnyddio"
    assert error_next_to(html, "id_phone") == "Rhowch rif ffôn y gallwn ni ei ddefnyddio"
    assert error_next_to(html, "id_safe_times") == "Dywedwch wrthym ni pryd mae'n ddiogel cysylltu â chi"
    # The questions and their hints are Welsh too.
    assert "Sut gallwn ni gysylltu â chi'n ddiogel?" in html
    assert "Ar gyfer galwad ffôn neu neges destun." in html
    assert "Galwad ffôn" in html and "Neges destun" in html
    assert not ENGLISH.search(html), ENGLISH.search(html)


def test_the_same_answers_in_english_keep_the_english_words():
    with translation.override("en-gb"):
        form = ContactForm({"contact_method": "phone"})
        form.is_valid()
        html = render_form(form)
    assert error_next_to(html, "id_your_name") == "Enter the name you would like us to use"
    assert error_next_to(html, "id_phone") == "Enter a phone number we can use"
    assert "How can we contact you safely?" in html


def test_messages_built_from_a_questions_name_read_as_welsh_sentences():
    form = welsh(ContactForm, {**VALID_STEPS[1], "your_name": "x" * 201, "email": "not an address"})
    assert form.messages["your_name"] == ["Ni all eich enw fod yn hwy na 200 nod"]
    assert form.messages["email"] == ["Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com"]
    form = welsh(PersonForm, {**VALID_STEPS[2], "person_age": "nine"})
    assert form.messages["person_age"] == ["Rhowch yr oedran fel rhif cyfan, fel 45"]
    form = welsh(PersonForm, {**VALID_STEPS[2], "person_age": "5"})
    assert form.messages["person_age"] == ["Ni all yr oedran fod yn llai na 10"]
    form = welsh(PersonForm, {**VALID_STEPS[2], "person_other_names": "x" * 501})
    assert form.messages["person_other_names"] == ["Ni all eu henwau eraill fod yn hwy na 500 nod"]


def test_the_english_messages_built_from_a_questions_name_are_unchanged():
    with translation.override("en-gb"):
        form = ContactForm({**VALID_STEPS[1], "your_name": "x" * 201})
        assert form.errors["your_name"] == ["Your name must be 200 characters or fewer"]
        form = PersonForm({**VALID_STEPS[2], "person_age": "5"})
        assert form.errors["person_age"] == ["Age must be 10 or more"]
        form = PersonForm({**VALID_STEPS[2], "person_other_names": "x" * 501})
        assert form.errors["person_other_names"] == ["Their other names must be 500 characters or fewer"]


def test_the_first_step_and_its_follow_up_question_in_welsh():
    form = welsh(WhoForm, {})
    assert form.messages["asking_for"] == [
        "Dewiswch a ydych chi'n gofyn ar eich rhan eich hun neu ar ran rhywun arall"
    ]
    form = welsh(WhoForm, {"asking_for": "someone_else"})
    assert form.messages["relationship_to_person_at_risk"] == [
        "Dywedwch wrthym ni beth yw eich perthynas â'r person rydych chi'n poeni amdano"
    ]
    with translation.override("cy"):
        assert str(WhoForm.title) == "Pwy sy'n gofyn"
        assert [str(label) for _, label in WhoForm().fields["asking_for"].choices] == [
            "Ar fy rhan fy hun",
            "Ar ran rhywun arall",
        ]


@pytest.mark.django_db
def test_the_police_force_question_in_welsh():
    form = welsh(ConcernsForm, {"concerns": "x" * 5001})
    assert form.messages["concerns"] == ["Ni all eich pryderon fod yn hwy na 5,000 nod"]
    assert form.messages["police_force"] == ["Dewiswch ardal yr heddlu"]
    with translation.override("cy"):
        choices = {key: str(label) for key, label in ConcernsForm().fields["police_force"].choices}
        help_text = str(ConcernsForm().fields["concerns"].help_text)
    assert choices[""] == "Dewiswch heddlu"
    assert choices["south-wales"] == "Heddlu De Cymru"
    assert choices["dyfed-powys"] == "Heddlu Dyfed-Powys"
    assert help_text.endswith("Hyd at 5,000 nod.")


# ---- the date of birth (GOV.UK date input)


@pytest.mark.parametrize(
    ("parts", "welsh_message", "english_message"),
    [
        (("27", "", "1985"), "Rhaid cynnwys mis yn y dyddiad geni", "Date of birth must include a month"),
        (("", "3", "1985"), "Rhaid cynnwys diwrnod yn y dyddiad geni", "Date of birth must include a day"),
        (("27", "3", ""), "Rhaid cynnwys blwyddyn yn y dyddiad geni", "Date of birth must include a year"),
        (
            ("", "", "1985"),
            "Rhaid cynnwys diwrnod a mis yn y dyddiad geni",
            "Date of birth must include a day and month",
        ),
        (
            ("", "3", ""),
            "Rhaid cynnwys diwrnod a blwyddyn yn y dyddiad geni",
            "Date of birth must include a day and year",
        ),
        (
            ("27", "", ""),
            "Rhaid cynnwys mis a blwyddyn yn y dyddiad geni",
            "Date of birth must include a month and year",
        ),
        (
            ("31", "2", "1985"),
            "Rhaid i'r dyddiad geni fod yn ddyddiad go iawn",
            "Date of birth must be a real date",
        ),
        (
            ("27", "3", "85"),
            "Rhaid i'r flwyddyn yn y dyddiad geni gynnwys 4 rhif, fel 1985",
            "Date of birth must have a year with 4 numbers, like 1985",
        ),
        (
            ("27", "3", "1899"),
            "Rhaid i'r dyddiad geni fod yn 1900 neu'n hwyrach",
            "Date of birth must be 1900 or later",
        ),
    ],
)
def test_date_of_birth_errors_in_welsh_and_in_english(parts, welsh_message, english_message):
    data = {**VALID_STEPS[2], **dob(*parts)}
    assert welsh(PersonForm, data).messages["person_date_of_birth"] == [welsh_message]
    with translation.override("en-gb"):
        assert PersonForm(data).errors["person_date_of_birth"] == [english_message]


def test_a_date_of_birth_in_the_future_is_refused_in_welsh(time_machine):
    time_machine.move_to(timezone.make_aware(datetime(2026, 12, 1, 23, 59)), tick=False)
    data = {**VALID_STEPS[2], **dob("2", "12", "2026")}
    assert welsh(PersonForm, data).messages["person_date_of_birth"] == [
        "Rhaid i'r dyddiad geni fod yn y gorffennol"
    ]


def test_the_date_boxes_are_labelled_in_welsh_and_the_error_is_in_the_fieldset():
    form = welsh(PersonForm, {**VALID_STEPS[2], **dob("31", "2", "1985")})
    with translation.override("cy"):
        html = render_form(form)
    fieldset = re.search(r"<fieldset.*?</fieldset>", html, re.S).group(0)
    assert "Eu dyddiad geni (dewisol)" in fieldset
    assert "Rhaid i'r dyddiad geni fod yn ddyddiad go iawn" in fieldset
    labels = re.findall(r'<label class="date-input__label"[^>]*>(.*?)</label>', fieldset)
    assert labels == ["Diwrnod", "Mis", "Blwyddyn"]
    # The CSS hooks stay the same whatever the language.
    assert "date-input__item--day" in fieldset and "date-input__item--year" in fieldset


def test_a_welsh_month_name_is_understood():
    form = welsh(PersonForm, {**VALID_STEPS[2], **dob("27", "Mawrth", "1985")})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["person_date_of_birth"].month == 3


# ---- the call-back form


@pytest.mark.django_db
def test_call_back_errors_in_welsh():
    form = welsh(CallbackForm, {"phone": "call me maybe", "nation": "wales", "police_force": "kent"})
    assert form.messages["your_name"] == ["Rhowch enw y gallwn ni ofyn amdano: mae ffugenw'n iawn"]
    assert form.messages["phone"] == ["Rhowch rif ffôn gan ddefnyddio digidau, fel 07700 900 982"]
    assert form.messages["safe_times"] == ["Dywedwch wrthym ni pryd mae'n ddiogel ffonio"]
    assert form.messages["consent"] == [
        "Cytunwch â'r hysbysiad preifatrwydd er mwyn i ni allu eich ffonio'n ôl"
    ]
    assert form.messages["police_force"] == [
        "Nid yw'r heddlu hwnnw yn y wlad a ddewisoch chi: dewiswch un arall, neu ‘Dydw i ddim yn gwybod’"
    ]
    with translation.override("cy"):
        html = render_form(form)
    assert error_next_to(html, "id_safe_times") == "Dywedwch wrthym ni pryd mae'n ddiogel ffonio"
    assert "Ble rydych chi'n byw?" in html
    assert "Cymru" in html and "Gogledd Iwerddon" in html
    assert not ENGLISH.search(html), ENGLISH.search(html)


def test_the_call_back_form_offers_welsh_as_the_language_to_speak_on_a_welsh_page():
    with translation.override("cy"):
        assert CallbackForm().fields["language"].initial == "Cymraeg"
    with translation.override("en-gb"):
        assert CallbackForm().fields["language"].initial == "English"


@pytest.mark.django_db
def test_call_back_errors_in_english_are_unchanged():
    with translation.override("en-gb"):
        form = CallbackForm({"phone": "call me maybe"})
        assert form.errors["your_name"] == ["Enter a name we can ask for: a cover name is fine"]
        assert form.errors["nation"] == ["Choose where you live"]


# ---- the pages, served directly with Welsh active


def serve(page, method="get", data=None, path=""):
    request = getattr(RequestFactory(), method)(page.url + path, data or {})
    request.session = SessionStore()
    request.user = AnonymousUser()
    view, args, kwargs = page.resolve_subpage(path or "/")
    response = page.serve(request, view, args, kwargs)
    content = response.rendered_content if hasattr(response, "render") else response.content.decode()
    return response, unescape(content)


@pytest.fixture
def callback_page(home):
    page = CallbackRequestPageFactory(parent=home)
    page.save_revision().publish()
    return page


def test_the_call_back_page_with_errors_is_in_welsh(callback_page, triage_team):
    with translation.override("cy"):
        response, content = serve(callback_page, "post", {"concerns": "Dim ond hyn"})
    assert response.status_code == 200
    assert "Rhowch rif ffôn y gallwn ni ei ffonio'n ddiogel" in content
    assert "Sut rydym yn defnyddio'r hyn rydych yn ei ddweud wrthym (hysbysiad preifatrwydd)" in content
    assert "Parhau" in content  # "Continue", to check the answers
    assert "Ask for a call-back" not in content
    assert "Rydyn ni'n amgryptio'r hyn rydych chi'n ei ddweud wrthym ni" in content
    assert not DisclosureRequest.objects.exists()


def test_the_disclosure_page_in_welsh(request_page):
    with translation.override("cy"):
        _, content = serve(request_page)
    assert "Cam 1 o 5" in content
    assert "Pwy sy'n gofyn" in content
    assert "Gadael yn gyflym, a'ch atebion" in content
    assert "Beth yw'r hawl i ofyn, a sut rydyn ni'n helpu" in content
    assert "Step 1 of 5" not in content
    # The page's own text, still as the model's default, is in Welsh too.
    assert "Dyma'r <b>hawl i ofyn</b>" in content
    assert "Under the Domestic Violence Disclosure Scheme" not in content


def test_page_text_an_editor_wrote_is_shown_as_written(request_page):
    request_page.intro = "<p>Our own words about the right to ask.</p>"
    request_page.save_revision().publish()
    with translation.override("cy"):
        _, content = serve(request_page)
    assert "Our own words about the right to ask." in content


def test_the_disclosure_page_in_english_is_unchanged(request_page):
    with translation.override("en-gb"):
        _, content = serve(request_page)
    assert "Step 1 of 5" in content
    assert "Leaving quickly, and your answers" in content


def test_the_overdue_reminder_counts_in_welsh_plural_forms():
    with translation.override("cy"):
        texts = {
            count: render_to_string(
                "emails/support/overdue_requests.txt", {"count": count, "team": "Cymru", "url": "u"}
            )
            for count in (1, 2, 3, 5)
        }
    assert texts[1].startswith("Mae 1 cais yng nghiw Cymru")
    assert texts[2].startswith("Mae 2 gais yng nghiw Cymru")
    assert texts[3].startswith("Mae 3 chais yng nghiw Cymru")
    assert texts[5].startswith("Mae 5 cais yng nghiw Cymru")
    assert "Gweld y cais yma:" in texts[1] and "Gweld y ceisiadau yma:" in texts[5]


# ---- staff: the subject access export follows the caseworker's language, and flags survive JSON


def test_the_subject_access_export_with_safety_flags_in_welsh_and_english(caseworker, wales_team):
    case = DisclosureRequestFactory(team=wales_team, police_force="gwent", safety_flags=["do_not_call"])
    with translation.override("cy"):
        welsh_document = json.loads(subject_access.export(case, user=caseworker))
    with translation.override("en-gb"):
        english_document = json.loads(subject_access.export(case, user=caseworker))
    assert welsh_document["safety_flags"] == ["Peidiwch â ffonio"]
    assert welsh_document["what_you_told_us"]["Ardal yr heddlu"] == "Heddlu Gwent"
    assert welsh_document["what_you_told_us"]["Sut i gysylltu â chi"] == "Neges destun"
    assert english_document["safety_flags"] == ["Do not call"]
    assert english_document["what_you_told_us"]["Police force area"] == "Gwent Police"
