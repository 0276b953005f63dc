"""No input to the right-to-ask form gives a server error."""

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.forms import STEPS
from tests.support.conftest import VALID_STEPS, fill_in

# Anything a browser can send: every Unicode character except lone surrogates (not encodable in UTF-8).
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
# The date of birth is posted as three boxes.
DATE_PARTS = {f"person_date_of_birth_{part}" for part in ("day", "month", "year")}
field_names = sorted(
    {name for form in STEPS for name in form.base_fields} | {"postcode", "consent"} | DATE_PARTS
)
valid_values = sorted({str(value) for step in VALID_STEPS for value in step.values()})
a_value = st.one_of(any_text, st.sampled_from(valid_values), st.integers().map(str), st.just(""))
a_post = st.dictionaries(st.sampled_from(field_names), a_value, max_size=len(field_names))


@pytest.mark.django_db
@override_settings(DISCLOSURE_STEP_RATE="100000/h", DISCLOSURE_SUBMIT_RATE="100000/h")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    answered=st.integers(min_value=0, max_value=len(VALID_STEPS) - 1),
    post=a_post,
    step=st.one_of(st.integers(-3, 8).map(str), any_text),
    action=st.sampled_from(["continue", "back", "", "delete"]),
)
def test_no_input_gives_a_server_error(client, request_page, triage_team, answered, post, step, action):
    client.cookies.clear()
    fill_in(client, request_page.url, VALID_STEPS[:answered])
    response = client.post(request_page.url, {**post, "step": step, "action": action})
    assert response.status_code < 500
    assert client.get(request_page.url).status_code == 200
