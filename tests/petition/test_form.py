"""The signing form: each rule fails with a clear message at its field."""

import pytest

from petition.forms import SignatureForm
from petition.models import Signature

VALID = {"name": "Alex Smith", "email": "alex@example.org", "location": "UK", "postcode": "sw1a1aa"}


def form_with(**changes):
    return SignatureForm({**VALID, **changes})


@pytest.mark.django_db
class TestSignatureForm:
    def test_a_complete_form_is_valid_and_normalises_the_postcode(self):
        form = form_with()
        assert form.is_valid(), form.errors
        assert form.cleaned_data["postcode"] == "SW1A 1AA"

    def test_opt_in_is_off_unless_ticked(self):
        form = form_with()
        assert form.is_valid()
        assert form.cleaned_data["opt_in"] is False
        assert SignatureForm().fields["opt_in"].initial is False

    @pytest.mark.parametrize("prefix", ["=", "+", "-", "@"])
    def test_names_cannot_start_like_a_spreadsheet_formula(self, prefix):
        form = form_with(name=f'{prefix}HYPERLINK("x")')
        assert not form.is_valid()
        assert "cannot start with" in form.errors["name"][0]

    @pytest.mark.parametrize("name", ["http://spam.example", "www.spam.example", "Visit cheap-pills.com"])
    def test_names_cannot_contain_web_addresses(self, name):
        form = form_with(name=name)
        assert not form.is_valid()
        assert form.errors["name"] == ["Enter your name, not a web address."]

    def test_names_are_at_most_255_characters(self):
        assert form_with(name="a" * 255).is_valid()
        form = form_with(name="a" * 256)
        assert not form.is_valid()
        assert "255" in form.errors["name"][0]

    @pytest.mark.parametrize(
        "control", [*"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"]
    )
    def test_direction_controls_are_taken_out_of_names(self, control):
        form = form_with(name=f"{control}Alex{control} Smith")
        assert form.is_valid(), form.errors
        assert form.cleaned_data["name"] == "Alex Smith"

    def test_a_direction_control_cannot_hide_a_formula(self):
        form = form_with(name='\u202e=HYPERLINK("x")')
        assert not form.is_valid()
        assert "cannot start with" in form.errors["name"][0]

    def test_a_name_is_required(self):
        form = form_with(name="   ")
        assert not form.is_valid()
        assert form.errors["name"] == ["Enter your name."]

    @pytest.mark.parametrize("email", ["not-an-email", "a@b", "two@@example.org", "x@example..org"])
    def test_email_must_have_a_valid_syntax(self, email):
        form = form_with(email=email)
        assert not form.is_valid()
        assert "right format" in form.errors["email"][0]

    def test_disposable_email_domains_are_refused_at_the_field(self):
        form = form_with(email="someone@mailinator.com")
        assert not form.is_valid()
        assert "temporary" in form.errors["email"][0]

    def test_subdomains_of_disposable_domains_are_refused_too(self):
        assert not form_with(email="someone@eu.mailinator.com").is_valid()

    @pytest.mark.parametrize("postcode", ["", "ZZ", "12345", "SW1A 1AAA", "not a postcode"])
    def test_uk_signers_need_a_real_postcode(self, postcode):
        form = form_with(postcode=postcode)
        assert not form.is_valid()
        assert "postcode" in form.errors

    def test_bfpo_numbers_are_accepted(self):
        form = form_with(postcode="bfpo 123")
        assert form.is_valid(), form.errors
        assert form.cleaned_data["postcode"] == "BFPO 123"

    def test_signers_outside_the_uk_choose_a_country_instead(self):
        form = form_with(location="abroad", postcode="", country="")
        assert not form.is_valid()
        assert form.errors["country"] == ["Choose the country you live in."]
        form = form_with(location="abroad", postcode="", country="IE")
        assert form.is_valid(), form.errors
        assert form.cleaned_data["postcode"] == ""

    def test_an_unknown_country_is_refused(self):
        form = form_with(location="abroad", country="XX")
        assert not form.is_valid()
        assert "country" in form.errors


@pytest.mark.django_db
class TestPostcodeMustExistWhenDataIsLoaded:
    def test_without_postcode_data_only_the_format_is_checked(self):
        form = form_with(postcode="ZZ99 9ZZ")
        assert form.is_valid(), form.errors
        assert form.cleaned_data["postcode"] == "ZZ99 9ZZ"

    def test_with_postcode_data_an_unknown_postcode_is_refused_at_its_field(self):
        from tests.geography.factories import PostcodeFactory

        PostcodeFactory(postcode="SW1A 1AA", constituency_code="E14001172")
        form = form_with(postcode="zz99 9zz")
        assert not form.is_valid()
        assert form.errors["postcode"] == [
            "We couldn't find that postcode. Check it for typing mistakes, or if you live outside the UK, "
            "choose \u201cOutside the UK\u201d."
        ]

    def test_with_postcode_data_a_known_postcode_is_placed_once(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from tests.geography.factories import PostcodeFactory

        PostcodeFactory(postcode="SW1A 1AA", constituency_code="E14001172")
        form = form_with(postcode="sw1a1aa")
        with CaptureQueriesContext(connection) as queries:
            assert form.is_valid(), form.errors
        assert len([q for q in queries if "campaign_postcode" in q["sql"]]) == 1
        assert form.cleaned_data["located"] == ("E14001172", "E92000001")

    def test_bfpo_numbers_need_no_postcode_data(self):
        from tests.geography.factories import PostcodeFactory

        PostcodeFactory(postcode="SW1A 1AA")
        assert form_with(postcode="BFPO 123").is_valid()


def test_a_signature_posted_with_a_right_to_left_override_is_stored_without_it(petition, sign):
    response = sign(petition, name="\u202eevil Person")
    assert response.status_code == 303
    assert Signature.objects.get().name == "evil Person"
