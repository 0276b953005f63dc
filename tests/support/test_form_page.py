"""Every page with a visitor's form answers it at the page's own URL, under one route name, "form"; the two
request pages share their confirmation route and are never cached."""

import pytest

from campaign.models import LetterPage
from petition.models import PetitionPage
from support.models import CallbackRequestPage, DisclosureRequestPage
from support.models.form_page import SupportFormPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page_type", [PetitionPage, LetterPage, DisclosureRequestPage, CallbackRequestPage])
def test_the_root_form_route_of_every_form_page_is_named_form(page_type):
    assert page_type().reverse_subpage("form") == ""


@pytest.mark.parametrize("page_type", [DisclosureRequestPage, CallbackRequestPage])
def test_both_request_pages_are_support_form_pages_with_a_sent_route(page_type):
    assert issubclass(page_type, SupportFormPage)
    assert page_type().reverse_subpage("sent") == "sent/"
    assert page_type.sent_template.endswith("_sent.html")


def test_the_support_form_page_is_abstract():
    assert SupportFormPage._meta.abstract
