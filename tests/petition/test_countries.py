"""Countries for signers outside the UK come from django-countries: current names, correctly encoded, with
Kosovo, the Crown dependencies and the overseas territories, and never the UK itself."""

import pytest

from petition import countries, places
from petition.forms import SignatureForm, country_choices


def test_the_list_is_current_and_correctly_encoded():
    names = dict(countries.country_choices())
    assert names["CI"] == "Côte d'Ivoire"
    assert names["ST"] == "São Tomé and Príncipe"
    assert names["SZ"] == "Eswatini"
    assert names["SS"] == "South Sudan"
    assert names["XK"] == "Kosovo"
    assert not [name for name in names.values() if "Ã" in name or "Â" in name]
    assert "Swaziland" not in names.values()


def test_crown_dependencies_and_overseas_territories_are_there_and_the_uk_is_not():
    names = dict(countries.country_choices())
    for code, name in [
        ("JE", "Jersey"),
        ("GG", "Guernsey"),
        ("IM", "Isle of Man"),
        ("GI", "Gibraltar"),
        ("FK", "Falkland Islands"),
        ("BM", "Bermuda"),
        ("KY", "Cayman Islands"),
        ("SH", "Saint Helena"),
    ]:
        assert names[code].startswith(name), code
    assert "GB" not in names


def test_the_form_offers_them_in_name_order_after_a_prompt():
    choices = country_choices()
    assert choices[0] == ("", "Choose a country")
    names = [name for _code, name in choices[1:]]
    assert len(names) > 240
    assert names.index("Kosovo") < names.index("Kuwait")


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["XK", "JE", "SS", "IE"])
def test_signers_can_choose_them(code):
    form = SignatureForm(
        {"name": "Alex Smith", "email": "alex@example.org", "location": "abroad", "country": code}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["country"] == code


@pytest.mark.django_db
def test_the_uk_is_not_a_country_outside_the_uk():
    form = SignatureForm(
        {"name": "Alex Smith", "email": "alex@example.org", "location": "abroad", "country": "GB"}
    )
    assert not form.is_valid()
    assert "country" in form.errors


def test_stored_codes_keep_their_names_in_the_counts():
    assert places.country_name("IE") == "Republic of Ireland"
    assert places.country_name("XK") == "Kosovo"
    assert places.country_name("E92000001") == "England"
    assert places.country_name("UK") == "United Kingdom (nation not known)"
    assert places.country_name("") == "Not known"
