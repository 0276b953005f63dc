"""Tokens in emailed links: a random confirmation token stored only as its hash, and signed manage tokens."""

import hashlib
import secrets

from django.utils.crypto import constant_time_compare, salted_hmac

MANAGE_SALT = "petition.signature.manage"
# A confirmation link works for this many days (the email says so).
CONFIRM_DAYS = 7


def new_confirmation_token():
    """(raw, hash): the raw token goes in the email, only the hash in the database."""
    raw = secrets.token_urlsafe(32)
    return raw, hash_token(raw)


def hash_token(raw):
    return hashlib.sha256((raw or "").encode()).hexdigest()


def manage_token(signature_id):
    """For the withdraw and unsubscribe links, which must keep working after confirmation.
    Letters, digits and '-' only, so Wagtail's page routing accepts it as a path segment."""
    return f"{signature_id}-{_manage_digest(signature_id)}"


def _manage_digest(signature_id):
    return salted_hmac(MANAGE_SALT, str(signature_id), algorithm="sha256").hexdigest()[:40]


def read_manage_token(token):
    signature_id, _, digest = (token or "").partition("-")
    if not signature_id.isdigit() or len(signature_id) > 18:
        return None
    if not constant_time_compare(digest, _manage_digest(int(signature_id))):
        return None
    return int(signature_id)
