"""No input to the signing form gives a server error."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petition.forms import SignatureForm

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
fields = st.fixed_dictionaries(
    {},
    optional={
        "name": text,
        "email": st.one_of(text, st.emails().map(str)),
        "location": st.one_of(text, st.sampled_from(["UK", "abroad"])),
        "postcode": st.one_of(text, st.sampled_from(["SW1A 1AA", "BFPO 1234", "bfpo", "SW1A1AAA"])),
        "country": st.one_of(text, st.sampled_from(["IE", "FR", ""])),
        "opt_in": text,
        "website": text,
    },
)


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=fields)
def test_no_input_gives_a_server_error(petition, client, data):
    response = client.post(reverse("petition_sign", args=[petition.pk]), data, REMOTE_ADDR="203.0.113.9")
    assert response.status_code in (200, 303)


@pytest.mark.django_db
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=fields)
def test_the_form_never_raises(data):
    form = SignatureForm(data)
    if form.is_valid():
        assert form.cleaned_data["name"] and not form.cleaned_data["name"].startswith(("=", "+", "-", "@"))
