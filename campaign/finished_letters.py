"""When a letter counts: once, when its writer copies, emails, prints or downloads it — not when it is shown.

Showing a letter issues a signed token naming its constituency, the representative it went to when that is
not the MP, and a random letter id (nothing about the writer). The page's `finished/` route (a same-origin
POST beacon from static/js/letter-finished.js) and the PDF download hand the token back; `claim` answers whom
the letter went to the first time a token is seen, and None after that or for a bad or expired token, so a
letter copied, printed and downloaded still counts once.

A claim is a row in the database (FinishedLetter, keyed by a hash of the letter's random id), not a cache
entry, so a token replayed while the cache is down is still refused. Rows older than a token's life are
deleted as new letters are claimed.
"""

import hashlib
import secrets
from datetime import timedelta
from typing import NamedTuple

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from campaign.models.finished import FinishedLetter

SALT = "campaign.letter.finished"
# As long as the letter form's signed constituency reference lasts (campaign.forms).
MAX_AGE_SECONDS = 6 * 60 * 60
# The ways a writer finishes a letter (the beacon says which; only for validation, never stored).
WAYS = ("copy", "email", "print", "download")


class Claimed(NamedTuple):
    """Whom a counted letter went to: the constituency's MP, or the representative when there is one."""

    constituency_code: str
    representative_id: int | None = None


def issue(constituency_code, representative_id=None):
    """A token for one shown letter (`representative_id`: a letter to someone other than the MP)."""
    data = {"c": constituency_code, "n": secrets.token_urlsafe(16)}
    if representative_id is not None:
        data["r"] = representative_id
    return signing.dumps(data, salt=SALT)


def claim(token):
    """Whom the letter went to (Claimed) if it has not been counted yet (and now is), else None."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    code, letter = data.get("c"), data.get("n")
    if not code or not letter:
        return None
    now = timezone.now()
    try:
        # The primary key makes the insert the check: of two requests for one letter, one wins.
        with transaction.atomic():
            FinishedLetter.objects.create(
                letter_hash=hashlib.sha256(letter.encode()).hexdigest(), finished_at=now
            )
    except IntegrityError:
        return None
    FinishedLetter.objects.filter(finished_at__lt=now - timedelta(seconds=MAX_AGE_SECONDS)).delete()
    representative = data.get("r")
    return Claimed(code, representative if isinstance(representative, int) else None)
