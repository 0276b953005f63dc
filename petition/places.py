"""Where a signer lives, for the counts: constituency and country codes, and their names."""

import functools

from django.core.cache import cache
from django.db import connection
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from geography.models import places as ons
from geography.models.places import Postcode
from petition.countries import country_names

# Our own codes for UK signers whose nation we cannot tell (postcode data not loaded, BFPO).
UK_UNKNOWN = "UK"
BFPO = "BFPO"
# Our own names first: "UK" is not an ISO code, and an ISO code never looks like an ONS one. The ONS names
# are in geography.models.places (in English, as the data files spell them); these are for people to read.
OWN_NAMES = {
    ons.ENGLAND: _("England"),
    ons.SCOTLAND: _("Scotland"),
    ons.WALES: _("Wales"),
    ons.NORTHERN_IRELAND: _("Northern Ireland"),
    ons.CHANNEL_ISLANDS: _("Channel Islands"),
    ons.ISLE_OF_MAN: _("Isle of Man"),
    UK_UNKNOWN: _("United Kingdom (nation not known)"),
    BFPO: _("British Forces Post Office"),
}


def locate(postcode, country):
    """(constituency_code, country_code) for a normalised postcode or an ISO country code."""
    if country:
        return "", country
    if not postcode:
        return "", UK_UNKNOWN
    if postcode.startswith("BFPO"):
        return "", BFPO
    return located(find_postcode(postcode))


def find_postcode(postcode):
    """(constituency code, country code) of a normalised postcode in the directory, or None: one query,
    written out (the ORM's compile of it cost more CPU than the query itself, on every signature)."""
    with connection.cursor() as cursor:
        cursor.execute(_find_postcode_sql(), [postcode])
        row = cursor.fetchone()
    return tuple(row) if row is not None else None


@functools.cache
def _find_postcode_sql():  # built once, when the models are loaded
    qn, meta = connection.ops.quote_name, Postcode._meta
    columns = ", ".join(qn(meta.get_field(name).column) for name in ("constituency_code", "country_code"))
    return f"SELECT {columns} FROM {qn(meta.db_table)} WHERE {qn(meta.get_field('postcode').column)} = %s"  # noqa: S608


def located(row):
    """locate()'s answer for a row find_postcode() returned (None: a UK postcode we cannot place)."""
    if row is None:
        return "", UK_UNKNOWN
    return row[0] or "", row[1] or UK_UNKNOWN


POSTCODE_DATA_KEY = "petition:postcode-data-loaded"


def postcode_data_loaded():
    """True when the postcode directory holds any rows (ONSPD or the demo's): then a postcode must be in it.
    Cached for a minute, so a signature costs no extra query; a first import is seen within the minute."""
    return cache.get_or_set(POSTCODE_DATA_KEY, Postcode.objects.exists, 60)


def country_name(code):
    name = OWN_NAMES.get(code) or country_names().get(code) or code or gettext("Not known")
    return str(name)
