"""No number a visitor can send gives a server error: every public URL pattern and every routable page route
with a parameter, and every numeric form field, tried with digits of other scripts, signs, exponents, spaces
and 5,000 digits. A bad number is a 404 or 400 in an address, and a message next to the field in a form."""

import re
from urllib.parse import quote

import pytest
from django import forms
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from campaign.forms import LetterForm, PostcodeForm
from petition.forms import SignatureForm
from support.callback_form import CallbackForm
from support.date_input import DateOfBirthField
from support.forms import STEPS, PersonForm
from tests.support.conftest import VALID_STEPS, fill_in
from tests.support.factories import CaseworkTeamFactory, DisclosureRequestPageFactory
from website.request_policy.whole_numbers import (
    MAX_DIGITS,
    WholeNumberConverter,
    WholeNumberField,
    whole_number,
)

# Superscript, Arabic-Indic and fullwidth digits pass str.isdigit(); the first fails int(), the others
# convert. 5,000 digits pass isdigit() and fail int() (Python's 4,300-digit limit); 20 digits overflow bigint.
BAD_NUMBERS = ["²", "٣", "１", "5" * 5000, "9" * 20, "-1", "0", "1e3", " 1", "1 ", "", "+1", "1.0", "0x1f"]
# Tokens are "<id>-<signature>": the id part is what is parsed.
BAD_TOKENS = [f"{number}-0" for number in BAD_NUMBERS] + ["²", "-0", "1-", "1"]
SEGMENT = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
# Public regex routes, which cannot be filled in from their text: each holds no number.
REGEX_ROUTES_WITHOUT_NUMBERS = {
    r"^(?P<page_path>(?:[\w\-]+/)*)count\.json$",  # page slugs, resolved through the page tree
    r"^((?:[\w\-]+/)*)$",  # Wagtail's serve: page slugs
}
STAFF_ONLY_PREFIXES = ("admin/",)


def values_for(converter):
    return BAD_TOKENS if converter in (None, "str") else BAD_NUMBERS


def public_routes(patterns=None, prefix=""):
    """(route text, regex text) for every URL pattern outside the admin, with its prefixes."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        text = str(entry.pattern)
        if (prefix + text).startswith(STAFF_ONLY_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            yield from public_routes(entry.url_patterns, prefix + text)
        elif isinstance(entry, URLPattern):
            yield prefix + text, isinstance(entry.pattern, RoutePattern)


def filled_in(route, value):
    """The route with every parameter set to `value` (URL-quoted, as a browser sends it)."""
    return SEGMENT.sub(lambda match: quote(value, safe=""), route)


def requests_for(route):
    converters = {match["converter"] for match in SEGMENT.finditer(route)}
    values = sorted({value for converter in converters for value in values_for(converter)})
    return [filled_in(route, value) for value in values]


def assert_no_server_error(client, path):
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code < 500, (method.__name__, path[:120], response.status_code)


@pytest.mark.parametrize(
    "text",
    [
        "²",
        "٣",
        "１",
        "5" * 5000,
        "9" * (MAX_DIGITS + 1),
        "-1",
        "1e3",
        " 1",
        "1 ",
        "",
        "+1",
        "1.0",
        "1\n",
        None,
        7,
    ],
)
def test_only_ascii_digits_make_a_number(text):
    assert whole_number(text) is None


@pytest.mark.parametrize(("text", "number"), [("0", 0), ("7", 7), ("007", 7), ("9" * MAX_DIGITS, 10**18 - 1)])
def test_ascii_digits_are_the_number_they_spell(text, number):
    assert whole_number(text) == number


def test_a_number_may_be_held_to_fewer_digits():
    assert whole_number("123", max_digits=2) is None
    assert whole_number("12", max_digits=2) == 12


def test_the_id_converter_matches_only_what_whole_number_reads():
    pattern = re.compile(WholeNumberConverter.regex)
    assert pattern.fullmatch("9" * MAX_DIGITS) and not pattern.fullmatch("9" * (MAX_DIGITS + 1))
    assert not pattern.fullmatch("٣") and not pattern.fullmatch("")
    assert WholeNumberConverter().to_python("42") == 42


@pytest.mark.django_db
@override_settings(PETITION_SIGN_RATE="100000/h")
def test_no_public_url_pattern_gives_a_server_error_for_a_crafted_number(client, seeded):
    routes = list(public_routes())
    regex_routes = {route for route, is_route in routes if not is_route}
    assert regex_routes == REGEX_ROUTES_WITHOUT_NUMBERS, "a new regex route: say what it parses, and fuzz it"
    with_parameters = [route for route, is_route in routes if is_route and SEGMENT.search(route)]
    # The walk reaches the routes this test is for (a walk that finds nothing would pass).
    assert {"petitions/<id:petition_id>/sign/", "updates/unsubscribe/<str:token>/"} <= set(with_parameters)
    assert "letters/<id:page_id>/postcode/" in with_parameters
    for route in with_parameters:
        for path in requests_for(route):
            client.cookies.clear()
            assert_no_server_error(client, "/" + path)


@pytest.mark.django_db
def test_no_routable_page_route_gives_a_server_error_for_a_crafted_number(client, seeded):
    one_of_each = {}
    for page in Page.objects.live().specific():
        if isinstance(page, RoutablePageMixin):
            one_of_each.setdefault(type(page), page)
    routes = {
        (page_class, str(pattern.pattern))
        for page_class, page in one_of_each.items()
        for pattern in page.get_subpage_urls()
    }
    with_parameters = [(page_class, route) for page_class, route in routes if SEGMENT.search(route)]
    assert {route for _page_class, route in with_parameters} >= {
        "confirm/<str:token>/",
        "withdraw/<str:token>/",
        "unsubscribe/<str:token>/",
    }
    for page_class, route in with_parameters:
        for path in requests_for(route):
            client.cookies.clear()
            assert_no_server_error(client, one_of_each[page_class].url + path)


PUBLIC_FORMS = [*STEPS, CallbackForm, SignatureForm, PostcodeForm, LetterForm]


def test_every_whole_number_a_public_form_asks_for_reads_ascii_digits_only():
    """A numeric field added to a public form must read its text with website.request_policy.whole_numbers
    (and be added to the fuzzing below)."""
    numeric = {}
    for form_class in PUBLIC_FORMS:
        for name, field in form_class.base_fields.items():
            if isinstance(
                field, (forms.IntegerField, forms.FloatField, forms.DecimalField, DateOfBirthField)
            ):
                numeric[(form_class.__name__, name)] = field
    assert set(numeric) == {("PersonForm", "person_age"), ("PersonForm", "person_date_of_birth")}
    assert isinstance(numeric[("PersonForm", "person_age")], WholeNumberField)


@pytest.fixture
def request_page(home, db):
    page = DisclosureRequestPageFactory(parent=home)
    page.save_revision().publish()
    CaseworkTeamFactory(name="Triage", is_default=True)
    return page


def person_step_answers(client, request_page):
    """A session at the person-of-concern step; the step's valid answers."""
    person_step = STEPS.index(PersonForm)
    client.cookies.clear()
    fill_in(client, request_page.url, VALID_STEPS[:person_step])
    return person_step, VALID_STEPS[person_step]


@pytest.mark.django_db
@override_settings(DISCLOSURE_STEP_RATE="100000/h", DISCLOSURE_SUBMIT_RATE="100000/h")
@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("person_age", "Age must be a whole number, like 45"),
        ("person_date_of_birth_day", "Date of birth must be a real date"),
        ("person_date_of_birth_month", "Date of birth must be a real date"),
        ("person_date_of_birth_year", None),
    ],
)
def test_a_crafted_number_in_the_form_is_a_message_next_to_the_field(client, request_page, field, message):
    step, answers = person_step_answers(client, request_page)
    form_field = "person_date_of_birth" if field.startswith("person_date_of_birth") else field
    for value in ["²", "٣", "１", "5" * 5000, "9" * 20, "-1", "1e3", "+1", "0x1f"]:
        response = client.post(
            request_page.url, {**answers, "step": step, "action": "continue", field: value}
        )
        assert response.status_code == 200, (field, value[:20])
        errors = response.context["form"].errors[form_field]
        assert len(errors) == 1, (field, value[:20], errors)
        if message:
            assert errors[0] == message, (field, value[:20])
        assert errors[0] in response.content.decode(), "shown on the page"


@pytest.mark.django_db
@override_settings(DISCLOSURE_STEP_RATE="100000/h", DISCLOSURE_SUBMIT_RATE="100000/h")
def test_a_crafted_step_number_shows_the_step_the_session_is_at(client, request_page):
    step, answers = person_step_answers(client, request_page)
    for value in [number for number in BAD_NUMBERS if number != "0"]:
        response = client.post(request_page.url, {"step": value, "action": "continue"})
        assert response.status_code == 200, value[:20]
        # Answered as the session's step (its questions asked again), never an error page or another step.
        assert type(response.context["form"]) is PersonForm, value[:20]
        assert response.context["form"].errors["person_name"]
    # "0" is a real step: an earlier one, as the browser's Back posts it.
    response = client.post(request_page.url, {"step": "0", "action": "continue"})
    assert type(response.context["form"]) is STEPS[0]


@pytest.mark.django_db
def test_a_crafted_results_page_number_shows_the_first_page_of_results(client, home):
    for value in BAD_NUMBERS:
        response = client.post("/search/", {"q": "privacy", "page": value})
        assert response.status_code == 200, value[:20]
        assert response.context["results"].number == 1, value[:20]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/updates/unsubscribe/{}/", "/cy/updates/unsubscribe/{}/"])
def test_a_superscript_in_an_unsubscribe_link_is_a_link_that_does_not_work(client, home, path):
    for token in ("²-0", "٣-0", "5" * 5000 + "-0"):
        for method in (client.get, client.post):
            response = method(path.format(quote(token)))
            assert response.status_code == 404
            assert response.context["valid"] is False
