"""Tokens in emailed links: a random confirmation token stored only as its hash, and signed manage tokens."""

import hashlib
import secrets

from django.core import signing

MANAGE_SALT = "petition.signature.manage"


def new_confirmation_token():
    """(raw, hash): the raw token goes in the email, only the hash in the database."""
    raw = secrets.token_urlsafe(32)
    return raw, hash_token(raw)


def hash_token(raw):
    return hashlib.sha256((raw or "").encode()).hexdigest()


def manage_token(signature_id):
    """For the withdraw and unsubscribe links, which must keep working after confirmation."""
    return signing.dumps(signature_id, salt=MANAGE_SALT, compress=False)


def read_manage_token(token):
    try:
        value = signing.loads(token, salt=MANAGE_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
