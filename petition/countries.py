"""Countries a signer outside the UK can choose, for the form and the counts: ISO 3166-1 alpha-2 codes and
names from django-countries (kept up to date with the standard; Welsh names from countries_cy.json), plus
Kosovo (XK) and the names preferred in `COUNTRIES_OVERRIDE` (settings). Crown dependencies (Jersey, Guernsey,
the Isle of Man) and the overseas territories are outside the UK, so they are here; the UK itself (GB) is
not."""

import json
import unicodedata
from functools import cache
from pathlib import Path

from django.utils import translation
from django_countries import countries

UNITED_KINGDOM = "GB"
# django-countries has no Welsh names: these are the Unicode CLDR's (cy), with the same choices of name as
# COUNTRIES_OVERRIDE makes in English (e.g. "Gweriniaeth Iwerddon", "Ynysoedd Falkland").
OWN_NAMES_FILES = {"cy": Path(__file__).with_name("countries_cy.json")}


# Built once per process and language, on first use: names and their order differ between languages.
def country_choices(language=None):
    """[(code, name)] in the alphabetical order of the language (default: the active one), without the UK."""
    return _choices(language or translation.get_language())


def country_names(language=None):
    """{code: name} for every country, the UK included, in the language (default: the active one)."""
    return _names(language or translation.get_language())


@cache
def _choices(language):
    # django-countries gives its names in their alphabetical order; names from our own file are sorted here.
    choices = [(code, name) for code, name in _names(language).items() if code != UNITED_KINGDOM]
    if _own_names_file(language) is not None:
        choices.sort(key=lambda choice: _sort_key(choice[1]))
    return choices


@cache
def _names(language):
    own = _own_names_file(language)
    if own is not None:
        names = json.loads(own.read_text(encoding="utf-8"))
        # A code django-countries has and the file lacks (a new country) keeps its English name.
        return {code: names.get(code) or str(name) for code, name in countries}
    with translation.override(language):
        return {code: str(name) for code, name in countries}


def _own_names_file(language):
    return OWN_NAMES_FILES.get((language or "").split("-")[0])


def _sort_key(name):
    # "Åland" beside "Aland", "Côte d'Ivoire" beside "Costa Rica", whatever the case.
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
