"""Postcode → constituency → MP: normalise, validate, one indexed query, optional postcodes.io fallback.

Every outcome is a `LookupResult` with a `kind` and a kind, plain-English `message`; nothing here raises
for bad input. The petition reuses `lookup()` for its counts by constituency.
"""

import hashlib
import logging
import re
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from geography import postcodes
from geography.models.places import (
    CHANNEL_ISLANDS,
    COUNTRY_NAMES,
    ISLE_OF_MAN,
    Constituency,
    MemberOfParliament,
    Postcode,
)

logger = logging.getLogger(__name__)

OK = "ok"
EMPTY = "empty"
ABSURD = "absurd"
MALFORMED = "malformed"
UNKNOWN = "unknown"
TERMINATED = "terminated"
CROWN_DEPENDENCY = "crown_dependency"
BFPO = "bfpo"
OVERSEAS = "overseas"
VACANT = "vacant"
NO_MP_DATA = "no_mp_data"

MAX_RAW_LENGTH = 20
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# British Overseas Territories with UK-style postcodes (Gibraltar, the Falklands, St Helena…):
# none has a Westminster MP.
OVERSEAS_OUTWARD = {
    "ASCN",
    "BBND",
    "BIQQ",
    "FIQQ",
    "GX11",
    "PCRN",
    "SIQQ",
    "STHL",
    "TDCU",
    "TKCA",
}

# Each crown dependency's message names the place and its parliament in one sentence, so the sentence can be
# translated whole.
PARLIAMENTS = {
    "JE": _(
        "This postcode is in Jersey, which has no MP in the UK Parliament at Westminster. You can write to "
        "your representatives in the States Assembly of Jersey (%(url)s)."
    ),
    "GY": _(
        "This postcode is in Guernsey, which has no MP in the UK Parliament at Westminster. You can write to "
        "your representatives in the States of Guernsey (%(url)s)."
    ),
    "IM": _(
        "This postcode is in the Isle of Man, which has no MP in the UK Parliament at Westminster. You can "
        "write to your representatives in Tynwald (%(url)s)."
    ),
}
PARLIAMENT_URLS = {
    "JE": "https://statesassembly.je",
    "GY": "https://www.gov.gg/deputies",
    "IM": "https://www.tynwald.org.im",
}
CHANNEL_ISLANDS_MESSAGE = _(
    "This postcode is in the Channel Islands, which have no MP in the UK Parliament at Westminster. You can "
    "write to your representatives in your island's parliament."
)

# Lazy: each message comes out in the language active when it is shown.
MESSAGES = {
    EMPTY: _("Enter your postcode, for example AB10 1AB."),
    ABSURD: _(
        "That doesn't look like a postcode. Enter a postcode such as AB10 1AB, using only letters, numbers "
        "and a space."
    ),
    MALFORMED: _(
        "We couldn't recognise that as a UK postcode. Check it and try again, for example AB10 1AB."
    ),
    UNKNOWN: _(
        "We couldn't find that postcode. It may be very new, or there may be a typing mistake. Check it, or "
        "try the postcode of somewhere nearby in the same area."
    ),
    TERMINATED: _(
        "This postcode is no longer in use. If you have moved recently or your address changed, try your "
        "current postcode, or one nearby."
    ),
    BFPO: _(
        "BFPO addresses aren't linked to a constituency. If you are registered to vote in the UK, use the "
        "postcode of the address where you are registered."
    ),
    OVERSEAS: _(
        "This postcode is in a British Overseas Territory, which has no MP in the UK Parliament. If you are "
        "registered to vote in the UK, use the postcode of the address where you are registered."
    ),
    NO_MP_DATA: _("We found your postcode, but we don't have details of its MP yet. Please try again later."),
}


@dataclass(frozen=True)
class LookupResult:
    kind: str
    message: str = ""
    postcode: str = ""
    country_code: str = ""
    constituency_code: str = ""
    constituency_name: str = ""
    mp_name: str = ""
    mp_party: str = ""
    mp_email: str = ""
    # The postcode's police force area (geography.representatives), read by the same query.
    police_force_code: str = ""
    # Its Scottish Parliament constituency, where the Scottish Postcode Directory gives one (same query).
    scottish_parliament_code: str = ""

    @property
    def ok(self):
        return self.kind == OK

    @property
    def country(self):
        return COUNTRY_NAMES.get(self.country_code, "")


def lookup(raw):
    """Find the Westminster constituency and MP for whatever a person typed as their postcode."""
    raw = "" if raw is None else str(raw)
    if len(raw) > MAX_RAW_LENGTH or _CONTROL.search(raw):
        return LookupResult(ABSURD, str(MESSAGES[ABSURD]))
    if not raw.strip():
        return LookupResult(EMPTY, str(MESSAGES[EMPTY]))
    if postcodes.is_bfpo(raw):
        return LookupResult(BFPO, str(MESSAGES[BFPO]))
    postcode = postcodes.normalise(raw)
    if postcode.split(" ")[0] in OVERSEAS_OUTWARD:
        return LookupResult(OVERSEAS, str(MESSAGES[OVERSEAS]), postcode=postcode)
    if not postcodes.is_valid(postcode):
        return LookupResult(MALFORMED, str(MESSAGES[MALFORMED]))

    row = Postcode.objects.with_constituency_and_mp(postcode)
    if row is None and settings.POSTCODES_IO_FALLBACK:
        row = _postcodes_io(postcode)
    if row is None:
        # The crown dependencies' postcode areas lie wholly within them, so the prefix is safe here.
        if postcode[:2] in PARLIAMENTS:
            return _crown_dependency(postcode)
        return LookupResult(UNKNOWN, str(MESSAGES[UNKNOWN]), postcode=postcode)
    return _result(postcode, *row)


def result_for_constituency(code):
    """The same result, from a constituency code (later steps of the journey carry only the code)."""
    mp = MemberOfParliament.objects.select_related("constituency").filter(constituency_id=code).first()
    if mp is None:
        constituency = Constituency.objects.filter(pk=code).first()
        if constituency is None:
            return LookupResult(NO_MP_DATA, str(MESSAGES[NO_MP_DATA]))
        return _result("", "", code, "", constituency.name, "", "", "", None, "")
    c = mp.constituency
    return _result("", "", code, "", c.name, mp.name, mp.party, mp.email, mp.is_vacant, "")


def _result(
    postcode,
    country_code,
    constituency_code,
    terminated,
    name,
    mp_name,
    party,
    email,
    vacant,
    police="",
    scottish_parliament="",
):
    if country_code in (CHANNEL_ISLANDS, ISLE_OF_MAN):
        return _crown_dependency(postcode, country_code)
    if terminated:
        return LookupResult(
            TERMINATED, str(MESSAGES[TERMINATED]), postcode=postcode, country_code=country_code
        )
    fields = {
        "postcode": postcode,
        "country_code": country_code,
        "constituency_code": constituency_code,
        "constituency_name": name or "",
        "police_force_code": police or "",
        "scottish_parliament_code": scottish_parliament or "",
    }
    if not name or vacant is None:
        return LookupResult(NO_MP_DATA, str(MESSAGES[NO_MP_DATA]), **fields)
    if vacant or not mp_name:
        message = gettext(
            "%(constituency)s has no MP at the moment: the seat is vacant until a by-election. Please come "
            "back once a new MP has been elected."
        ) % {"constituency": name}
        return LookupResult(VACANT, message, **fields)
    return LookupResult(
        OK,
        gettext("Your MP is %(mp)s, for %(constituency)s.") % {"mp": mp_name, "constituency": name},
        mp_name=mp_name,
        mp_party=party or "",
        mp_email=email or "",
        **fields,
    )


def _crown_dependency(postcode, country_code=""):
    area = postcode[:2]
    if area in PARLIAMENTS:
        message = str(PARLIAMENTS[area]) % {"url": PARLIAMENT_URLS[area]}
    else:
        message = str(CHANNEL_ISLANDS_MESSAGE)
    return LookupResult(
        CROWN_DEPENDENCY,
        message,
        postcode=postcode,
        country_code=country_code or (ISLE_OF_MAN if postcode[:2] == "IM" else CHANNEL_ISLANDS),
    )


# postcodes.io country names → ONS country codes
_COUNTRY_CODES = {name: code for code, name in COUNTRY_NAMES.items()}
_FALLBACK_MISS = "-"
# One pooled connection to postcodes.io per process (tests mount recorded responses on it).
session = requests.Session()


def _postcodes_io(postcode):
    """Ask postcodes.io (opt-in, short timeout). Answers, including 'not found', are cached for a day;
    the cache key is a hash, so no postcode is kept in the cache in the clear."""
    key = "postcodes-io:" + hashlib.sha256(postcode.encode()).hexdigest()[:32]
    cached = cache.get(key)
    if cached is not None:
        return None if cached == _FALLBACK_MISS else _find_constituency(*cached)
    try:
        response = session.get(
            f"{settings.POSTCODES_IO_URL}/postcodes/{postcode.replace(' ', '')}",
            timeout=settings.POSTCODES_IO_TIMEOUT,
        )
    except requests.RequestException as error:
        logger.warning("postcodes.io unavailable: %s", type(error).__name__)
        return None
    if response.status_code == 404:
        cache.set(key, _FALLBACK_MISS, 60 * 60 * 24)
        return None
    if response.status_code != 200:
        logger.warning("postcodes.io answered %s", response.status_code)
        return None
    try:
        result = response.json()["result"]
        codes = result.get("codes") or {}
        constituency = codes.get("parliamentary_constituency_2024") or codes.get("parliamentary_constituency")
        country = _COUNTRY_CODES.get(result.get("country") or "", "")
    except (ValueError, KeyError, TypeError, AttributeError):
        logger.warning("postcodes.io answered in an unexpected shape")
        return None
    cached = (country, constituency or "")
    cache.set(key, cached, 60 * 60 * 24)
    return _find_constituency(*cached)


def _find_constituency(country_code, constituency_code):
    mp = (
        MemberOfParliament.objects.select_related("constituency")
        .filter(constituency_id=constituency_code)
        .first()
    )
    if mp is None:
        name = Constituency.objects.filter(pk=constituency_code).values_list("name", flat=True).first()
        return (country_code, constituency_code, "", name, None, None, None, None)
    return (
        country_code,
        constituency_code,
        "",
        mp.constituency.name,
        mp.name,
        mp.party,
        mp.email,
        mp.is_vacant,
    )
