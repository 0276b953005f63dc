"""Encryption at rest for disclosure requests: Fernet/MultiFernet keys from DISCLOSURE_ENCRYPTION_KEYS.

The keys are separate from SECRET_KEY, newest first: the first key encrypts, every key decrypts, so a new
key can be put in front and old rows re-encrypted with `manage.py rotate_disclosure_key`. A value that
does not decrypt raises DecryptionError: we never hand back ciphertext or raw bytes as if they were data.
"""

import functools

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver


class DecryptionError(Exception):
    """A stored value could not be decrypted with any configured key."""


@functools.cache
def get_fernet():
    keys = [key for key in getattr(settings, "DISCLOSURE_ENCRYPTION_KEYS", []) if key]
    if not keys:
        raise ImproperlyConfigured("DISCLOSURE_ENCRYPTION_KEYS must hold at least one Fernet key.")
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            "DISCLOSURE_ENCRYPTION_KEYS must be url-safe base64 Fernet keys "
            "(make one with `python manage.py rotate_disclosure_key --generate`)."
        ) from error


@receiver(setting_changed)
def _forget_keys(*, setting, **kwargs):
    if setting == "DISCLOSURE_ENCRYPTION_KEYS":
        get_fernet.cache_clear()


def encrypt(text):
    return get_fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token, ttl=None):
    try:
        return get_fernet().decrypt(token.encode("ascii"), ttl=ttl).decode("utf-8")
    except (InvalidToken, UnicodeError) as error:
        raise DecryptionError("A value could not be decrypted with any configured key.") from error


class EncryptedTextField(models.TextField):
    """Text encrypted with Fernet in the database, plain text in Python.

    An empty value is stored empty (so retention can blank a field and "not given" stays cheap);
    anything else is a Fernet token. Encrypted values cannot be filtered or ordered on.
    """

    description = "Text encrypted at rest"

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))
