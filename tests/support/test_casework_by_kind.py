"""Casework that depends on the kind of request and on what the person said: a call-back case offers
call-back outcomes only, "voicemail not safe" flags the case by itself, and the person's own reference finds
their case and goes with their personal data."""

import pytest

from support import services
from support.admin.views import reference_filter
from support.models import DisclosureRequest
from tests.support.factories import DisclosureRequestFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/disclosure_requests/"
CALLBACK_ANSWERS = {
    "your_name": "Robin Covername",
    "phone": "07700 900123",
    "safe_times": "Thursday mornings only",
    "voicemail_safe": "no",
    "language": "Polish",
    "nation": "wales",
    "contact_method": "phone",
}


def case_url(request):
    return f"/admin/disclosure_requests/case/{request.pk}/"


@pytest.fixture
def callback_case(wales_team):
    return DisclosureRequestFactory(
        team=wales_team, kind=DisclosureRequest.Kind.CALLBACK, reference="CB-2345-6789", police_force=""
    )


@pytest.fixture
def disclosure_case(wales_team):
    return DisclosureRequestFactory(team=wales_team, police_force="north-wales", voicemail_safe="yes")


def outcome_options(content):
    start = content.index('name="outcome"')
    return content[start : content.index("</select>", start)]


def status_options(content):
    start = content.index('name="status"')
    return content[start : content.index("</select>", start)]


# --- Outcomes by kind -----------------------------------------------------------------------------------


def test_a_call_back_case_offers_only_call_back_outcomes(client, caseworker, callback_case):
    client.force_login(caseworker)
    options = outcome_options(client.get(case_url(callback_case)).content.decode())
    for label in ["Called back", "Could not reach safely", "Did not want support now"]:
        assert label in options
    for label in ["Police made a disclosure", "Police made no disclosure", "Decided not to apply"]:
        assert label not in options


def test_a_disclosure_case_offers_only_disclosure_outcomes(client, caseworker, disclosure_case):
    client.force_login(caseworker)
    options = outcome_options(client.get(case_url(disclosure_case)).content.decode())
    assert "Police made a disclosure" in options
    assert "Called back" not in options and "Could not reach safely" not in options


def test_a_call_back_case_refuses_a_disclosure_outcome_and_keeps_a_call_back_one(
    client, caseworker, callback_case
):
    client.force_login(caseworker)
    close = {"action": "status", "status": "closed"}
    refused = client.post(case_url(callback_case), {**close, "outcome": "disclosed"})
    assert refused.status_code == 200
    callback_case.refresh_from_db()
    assert (callback_case.status, callback_case.outcome) == ("new", "")

    client.post(case_url(callback_case), {**close, "outcome": "not_reached_safely"})
    callback_case.refresh_from_db()
    assert callback_case.outcome == DisclosureRequest.CallbackOutcome.NOT_REACHED_SAFELY
    assert callback_case.get_outcome_display() == "Could not reach safely"
    assert "outcome: Could not reach safely" in client.get(case_url(callback_case)).content.decode()


def test_a_disclosure_case_refuses_a_call_back_outcome(client, caseworker, disclosure_case):
    client.force_login(caseworker)
    client.post(case_url(disclosure_case), {"action": "status", "status": "closed", "outcome": "called_back"})
    disclosure_case.refresh_from_db()
    assert disclosure_case.outcome == ""


# --- Statuses by kind -----------------------------------------------------------------------------------


def test_a_call_back_case_is_not_offered_supported_to_apply(client, caseworker, callback_case):
    client.force_login(caseworker)
    options = status_options(client.get(case_url(callback_case)).content.decode())
    for label in ["New", "Triaged", "Contacted", "Outcome recorded", "Closed"]:
        assert label in options
    assert "Supported to apply" not in options


def test_a_disclosure_case_is_offered_supported_to_apply(client, caseworker, disclosure_case):
    client.force_login(caseworker)
    options = status_options(client.get(case_url(disclosure_case)).content.decode())
    assert "Supported to apply" in options


def test_a_call_back_case_refuses_supported_to_apply(client, caseworker, callback_case):
    client.force_login(caseworker)
    refused = client.post(case_url(callback_case), {"action": "status", "status": "supported"})
    assert refused.status_code == 200
    callback_case.refresh_from_db()
    assert callback_case.status == DisclosureRequest.Status.NEW

    client.post(case_url(callback_case), {"action": "status", "status": "contacted"})
    callback_case.refresh_from_db()
    assert callback_case.status == DisclosureRequest.Status.CONTACTED


def test_a_call_back_case_already_supported_to_apply_keeps_showing_its_status(
    client, caseworker, callback_case
):
    callback_case.status = DisclosureRequest.Status.SUPPORTED
    callback_case.save(update_fields=["status"])
    client.force_login(caseworker)
    options = status_options(client.get(case_url(callback_case)).content.decode())
    assert 'value="supported" selected' in options
    refused = client.post(case_url(callback_case), {"action": "status", "status": "supported"})
    assert refused.status_code == 200


# --- Voicemail not safe, flagged by itself --------------------------------------------------------------


@pytest.mark.parametrize("kind", [DisclosureRequest.Kind.CALLBACK, DisclosureRequest.Kind.DISCLOSURE])
def test_voicemail_not_safe_flags_the_request_when_it_arrives(wales_team, kind):
    request = services.submit_request(CALLBACK_ANSWERS, kind=kind)
    assert request.safety_flags == [DisclosureRequest.SafetyFlag.NO_VOICEMAIL]
    assert request.safety_flag_labels == ["Never leave a voicemail"]


def test_voicemail_safe_sets_no_flag(wales_team):
    request = services.submit_request({**CALLBACK_ANSWERS, "voicemail_safe": "yes"})
    assert request.safety_flags == []


def test_the_queue_shows_the_voicemail_flag_and_filters_by_it(
    client, caseworker, wales_team, disclosure_case
):
    flagged = services.submit_request(CALLBACK_ANSWERS, kind=DisclosureRequest.Kind.CALLBACK)
    client.force_login(caseworker)
    queue = client.get(QUEUE).content.decode()
    assert '<li class="casework-flag">Never leave a voicemail</li>' in queue
    only_flagged = client.get(QUEUE, {"flag": "no_voicemail"}).content.decode()
    assert flagged.reference in only_flagged
    assert disclosure_case.reference not in only_flagged
    other_flag = client.get(QUEUE, {"flag": "immediate_harm"}).content.decode()
    assert flagged.reference not in other_flag
    case = client.get(case_url(flagged)).content.decode()
    flags_panel = case[case.index('class="casework-flags-panel"') : case.index("casework-safe-contact")]
    assert "Never leave a voicemail" in flags_panel


def test_with_flag_matches_the_whole_code_only(wales_team):
    one = DisclosureRequestFactory(team=wales_team, safety_flags=["no_voicemail", "interpreter"])
    DisclosureRequestFactory(team=wales_team, safety_flags=["do_not_call"])
    assert list(DisclosureRequest.objects.with_flag("interpreter")) == [one]
    assert list(DisclosureRequest.objects.with_flag("voicemail")) == []


def test_with_flag_finds_a_flag_wherever_it_sits_in_the_list(wales_team):
    first = DisclosureRequestFactory(team=wales_team, safety_flags=["interpreter"])
    last = DisclosureRequestFactory(team=wales_team, safety_flags=DisclosureRequest.SafetyFlag.values)
    DisclosureRequestFactory(team=wales_team, safety_flags=[])
    # A code inside another's text or quotes is not that flag.
    DisclosureRequestFactory(team=wales_team, safety_flags=["no_voicemail_x", '"interpreter"'])
    assert list(DisclosureRequest.objects.with_flag("interpreter")) == [first, last]
    assert list(DisclosureRequest.objects.with_flag("no_voicemail")) == [last]


# --- The person's reference -----------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["K7Q-M9X-3PH", "k7q m9x 3ph", "K7QM9X3PH", "m9x"])
def test_the_persons_reference_finds_their_case_however_it_is_read_out(typed):
    request = DisclosureRequestFactory(reference="DR-2222-3333", public_reference="K7Q-M9X-3PH")
    DisclosureRequestFactory(reference="DR-4444-5555", public_reference="ABC-DEF-GHJ")
    assert list(DisclosureRequest.objects.filter(reference_filter(typed))) == [request]


def test_the_case_page_shows_the_persons_reference_and_the_queue_finds_it(client, caseworker, wales_team):
    request = services.submit_request(CALLBACK_ANSWERS, kind=DisclosureRequest.Kind.CALLBACK)
    client.force_login(caseworker)
    assert request.public_reference in client.get(case_url(request)).content.decode()
    found = client.get(QUEUE, {"q": request.public_reference.lower()}).content.decode()
    assert request.reference in found


def test_erasure_blanks_the_persons_reference_and_keeps_the_staff_one(wales_team):
    request = services.submit_request(CALLBACK_ANSWERS, kind=DisclosureRequest.Kind.CALLBACK)
    request.erase_personal_data()
    request.refresh_from_db()
    assert request.public_reference is None
    assert request.reference.startswith("CB-")
    assert request.safety_flags == []
