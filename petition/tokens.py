"""Tokens in emailed links: a random confirmation token stored only as its hash, and signed manage tokens."""

import hashlib
import secrets

from django.utils.crypto import constant_time_compare, salted_hmac

from website.request_policy.whole_numbers import whole_number

MANAGE_SALT = "petition.signature.manage"
SUPPORTER_SALT = "petition.supporter.unsubscribe"
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
    return _id_token(MANAGE_SALT, signature_id)


def read_manage_token(token):
    return _read_id_token(MANAGE_SALT, token)


def supporter_token(supporter_id):
    """For the one-click unsubscribe link in campaign updates (petition.updates)."""
    return _id_token(SUPPORTER_SALT, supporter_id)


def read_supporter_token(token):
    return _read_id_token(SUPPORTER_SALT, token)


def _digest(salt, object_id):
    return salted_hmac(salt, str(object_id), algorithm="sha256").hexdigest()[:40]


def _id_token(salt, object_id):
    return f"{object_id}-{_digest(salt, object_id)}"


def _read_id_token(salt, token):
    text, _, digest = (token or "").partition("-")
    object_id = whole_number(text)
    if object_id is None or not constant_time_compare(digest, _digest(salt, object_id)):
        return None
    return object_id
