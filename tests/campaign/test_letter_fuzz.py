"""Property: whatever is typed into the postcode box, the page answers without a server error."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

postcode_like = st.from_regex(r"\A\s*[A-Za-z]{1,4}[0-9]{0,2}[A-Za-z]?\s*[0-9]?[A-Za-z]{0,3}\s*\Z")
anything = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300)


@pytest.mark.django_db
@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(typed=st.one_of(postcode_like, anything))
@example(typed="\x00")
@example(typed="AB10 1AB\x00")
@example(typed="BFPO 99999999")
@example(typed="😀" * 50)
@example(typed="JE2 4WD")
def test_no_postcode_input_gives_a_server_error(client, letter_page, known_postcode, typed):
    cache.clear()  # stay under the lookup rate limit
    response = client.post(letter_page.url, {"step": "postcode", "postcode": typed})
    assert response.status_code == 200
    assert b"There is a problem" in response.content or b"Your MP is" in response.content
