"""UK postcode normalisation and validation (format only; lookups live in geography.lookup)."""

import re

# The shapes of a UK postcode: outward code (area + district) and inward code (sector + unit).
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
_BFPO = re.compile(r"^BFPO ?[0-9]{1,4}$")
MAX_INPUT_LENGTH = 16


def normalise(raw):
    """'ab101ab', ' AB10 1AB ', 'AB10  1AB' -> 'AB10 1AB'. Returns '' for anything unusable."""
    if not raw or len(raw) > MAX_INPUT_LENGTH * 2:
        return ""
    compact = re.sub(r"\s+", "", str(raw)).upper()
    if len(compact) < 5 or len(compact) > 7:
        return ""
    return f"{compact[:-3]} {compact[-3:]}"


def is_valid(postcode):
    return bool(_POSTCODE.match(postcode or ""))


def is_bfpo(raw):
    return bool(_BFPO.match(re.sub(r"\s+", " ", (raw or "").strip().upper())))


def normalise_bfpo(raw):
    digits = re.sub(r"\D", "", raw or "")
    return f"BFPO {digits}" if digits else ""
