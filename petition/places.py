"""Where a signer lives, for the counts: constituency and country codes, and their names."""

from campaign.models.places import COUNTRY_NAMES as ONS_COUNTRY_NAMES
from campaign.models.places import Postcode
from petition.countries import COUNTRY_NAMES as ISO_COUNTRY_NAMES

# Our own codes for UK signers whose nation we cannot tell (postcode data not loaded, BFPO).
UK_UNKNOWN = "UK"
BFPO = "BFPO"
COUNTRY_NAMES = {
    **ONS_COUNTRY_NAMES,
    **ISO_COUNTRY_NAMES,
    UK_UNKNOWN: "United Kingdom (nation not known)",
    BFPO: "British Forces Post Office",
}


def locate(postcode, country):
    """(constituency_code, country_code) for a normalised postcode or an ISO country code."""
    if country:
        return "", country
    if not postcode:
        return "", UK_UNKNOWN
    if postcode.startswith("BFPO"):
        return "", BFPO
    row = Postcode.objects.filter(postcode=postcode).values_list("constituency_code", "country_code").first()
    if row is None:
        return "", UK_UNKNOWN
    return row[0] or "", row[1] or UK_UNKNOWN


def country_name(code):
    return COUNTRY_NAMES.get(code, code or "Not known")
