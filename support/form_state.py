"""The disclosure form's answers so far, held only in the server session, encrypted, for 30 minutes.

The answers are encrypted with the disclosure key and a 30-minute lifetime (Fernet's TTL), so an abandoned
form is unreadable even in the session table, and the quick exit (which flushes the session) forgets them at
once. The page (support.models.disclosure_page) reads and writes them; a periodic task
(support.tasks.forget_abandoned_form_answers) removes abandoned ones from the session store.
"""

import json
from datetime import date

from cryptography.fernet import InvalidToken
from django.views.decorators.debug import sensitive_variables

from support.encryption import DecryptionError, decrypt, encrypt, get_fernet

SESSION_KEY = "disclosure_request"
# Unfinished answers are forgotten after this many seconds without a step (the page tells people so).
TIMEOUT_SECONDS = 30 * 60


def fresh():
    return {"step": 0, "answers": {}}


@sensitive_variables()
def load(request):
    """(state, expired): the answers so far, or a fresh start when there are none or they timed out."""
    token = request.session.get(SESSION_KEY)
    if token:
        try:
            return json.loads(decrypt(token, ttl=TIMEOUT_SECONDS)), False
        except (DecryptionError, ValueError):
            del request.session[SESSION_KEY]
            return fresh(), True
    return fresh(), False


@sensitive_variables()
def save(request, state):
    request.session[SESSION_KEY] = encrypt(json.dumps(state, default=_json_value))


def clear(request):
    request.session.pop(SESSION_KEY, None)


def forget_if_abandoned(session, now):
    """Remove answers older than TIMEOUT_SECONDS from a stored session; True if it had some to remove."""
    token = session.get(SESSION_KEY)
    if not token:
        return False
    try:
        written = get_fernet().extract_timestamp(token.encode("ascii"))
    except (InvalidToken, UnicodeError):  # unreadable is as good as abandoned
        written = 0
    if now.timestamp() - written <= TIMEOUT_SECONDS:
        return False
    del session[SESSION_KEY]
    session.save()
    return True


def _json_value(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)
