"""Countries a signer outside the UK can choose, for the form and the counts: ISO 3166-1 alpha-2 codes and
English names from django-countries (kept up to date with the standard), plus Kosovo (XK) and the names
preferred in `COUNTRIES_OVERRIDE` (settings). Crown dependencies (Jersey, Guernsey, the Isle of Man) and the
overseas territories are outside the UK, so they are here; the UK itself (GB) is not."""

from functools import cache

from django_countries import countries

UNITED_KINGDOM = "GB"


# Built once per process, on first use (names are translated lazily, so not at import time); the site is
# in English only.
@cache
def country_choices():
    """[(code, name)] in alphabetical order of name, without the UK."""
    return [(code, str(name)) for code, name in countries if code != UNITED_KINGDOM]


@cache
def country_names():
    """{code: name} for every country, the UK included."""
    return {code: str(name) for code, name in countries}
