"""Re-encrypt every disclosure value with the newest key in DISCLOSURE_ENCRYPTION_KEYS.

Rotation: generate a key (`--generate`), put it first in DISCLOSURE_ENCRYPTION_KEYS keeping the old
ones after it, deploy, run this command, then remove the old keys. See docs/security.md.
"""

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand
from django.db import transaction

from support.encryption import EncryptedTextField
from support.models import AuditEntry, CaseNote, ContactAttempt, DisclosureRequest

MODELS = [DisclosureRequest, CaseNote, ContactAttempt]


def encrypted_columns(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, EncryptedTextField)]


class Command(BaseCommand):
    help = "Re-encrypt disclosure requests, notes and contact attempts with the newest key."

    def add_arguments(self, parser):
        parser.add_argument("--generate", action="store_true", help="Print a new key and stop.")

    def handle(self, *args, generate=False, **options):
        if generate:
            self.stdout.write(Fernet.generate_key().decode())
            return
        total = 0
        for model in MODELS:
            fields = encrypted_columns(model)
            attnames = [field.attname for field in fields]
            # Reading decrypts with whichever key fits; writing encrypts with the first (newest) key.
            # One row at a time, and the rows are updated in place: no plaintext is kept around.
            rows = model.objects.values_list("pk", *attnames)
            with transaction.atomic():
                for pk, *values in rows.iterator():
                    model.objects.filter(pk=pk).update(**dict(zip(attnames, values, strict=True)))
                    total += 1
        AuditEntry.record(AuditEntry.Action.KEY_ROTATED, detail=f"{total} row(s) re-encrypted")
        self.stdout.write(f"Re-encrypted {total} row(s) with the newest key.")
