"""The police forces' names in the request forms' drop-downs: a name still in English on an Urdu form says so
(`lang="en-GB" dir="ltr"`), so a screen reader reads it with English rules and it keeps its direction inside
the right-to-left page; a translated name, and every name on an English form, carries no mark."""

import re

import pytest
from django.utils import translation

from support.callback_form import CallbackForm
from support.forms import ConcernsForm

pytestmark = pytest.mark.django_db


def option(html, name):
    match = re.search(r"<option[^>]*>" + re.escape(name) + "</option>", html)
    assert match, f"no option {name!r}"
    return match.group(0)


def drop_down(form_class, language):
    with translation.override(language):
        return str(form_class()["police_force"])


@pytest.mark.parametrize("form_class", [ConcernsForm, CallbackForm])
def test_a_name_left_in_english_on_an_urdu_form_is_marked_english(form_class):
    html = drop_down(form_class, "ur")
    assert 'lang="en-GB" dir="ltr"' in option(html, "Dyfed-Powys Police")
    assert 'lang="en-GB"' in option(html, "Metropolitan Police Service")


@pytest.mark.parametrize("form_class", [ConcernsForm, CallbackForm])
def test_translated_names_and_english_forms_carry_no_mark(form_class):
    welsh = drop_down(form_class, "cy")
    assert "lang=" not in option(welsh, "Heddlu Dyfed-Powys")
    english = drop_down(form_class, "en-gb")
    assert "lang=" not in option(english, "Dyfed-Powys Police")
    assert "lang=" not in english


def test_the_urdu_prompt_is_not_marked_english():
    html = drop_down(ConcernsForm, "ur")
    assert "lang=" not in option(html, "پولیس فورس چنیں")
