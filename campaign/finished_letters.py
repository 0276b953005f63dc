"""When a letter counts: once, when its writer copies, emails, prints or downloads it — not when it is shown.

Showing a letter issues a signed token naming its constituency and a random letter id (nothing about the
writer). The page's `finished/` route (a same-origin POST beacon from static/js/letter-finished.js) and the
PDF download hand the token back; `claim` answers the constituency the first time a token is seen, and None
after that or for a bad or expired token, so a letter copied, printed and downloaded still counts once.
"""

import hashlib
import logging
import secrets

from django.core import signing
from django.core.cache import cache

logger = logging.getLogger(__name__)

SALT = "campaign.letter.finished"
# As long as the letter form's signed constituency reference lasts (campaign.forms).
MAX_AGE_SECONDS = 6 * 60 * 60
# The ways a writer finishes a letter (the beacon says which; only for validation, never stored).
WAYS = ("copy", "email", "print", "download")


def issue(constituency_code):
    """A token for one shown letter."""
    return signing.dumps({"c": constituency_code, "n": secrets.token_urlsafe(16)}, salt=SALT)


def claim(token):
    """The constituency code if this letter has not been counted yet (and now is), else None."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    code, letter = data.get("c"), data.get("n")
    if not code or not letter:
        return None
    # cache.add is atomic (Redis SET NX in production): of two requests for one letter, one wins.
    key = "campaign:letter-finished:" + hashlib.sha256(letter.encode()).hexdigest()
    try:
        added = cache.add(key, 1, timeout=MAX_AGE_SECONDS)
    except Exception:  # noqa: BLE001 - any cache failure: the letter was still written
        added = None
    if added is None:
        # The cache cannot say (Redis down; django-redis answers None when it ignores the error). A letter
        # written during an outage is counted, at the risk of counting a second copy of it twice.
        logger.error("letter counting: cache unavailable; counting without the once-per-letter check")
        return code
    return code if added else None
