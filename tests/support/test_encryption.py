"""Personal data is encrypted at rest with keys separate from SECRET_KEY, and never silently misread."""

import pytest
from cryptography.fernet import Fernet
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from support.encryption import DecryptionError, decrypt, encrypt
from support.models import CaseNote, DisclosureRequest
from tests.support.conftest import PERSONAL_VALUES, VALID_STEPS, fill_in
from tests.support.factories import DisclosureRequestFactory

OTHER_KEY = Fernet.generate_key().decode()


def test_a_value_survives_the_round_trip():
    token = encrypt("Barnaby Perpetratorson, 7 Zanzibar Close")
    assert "Barnaby" not in token
    assert decrypt(token) == "Barnaby Perpetratorson, 7 Zanzibar Close"


def test_the_same_value_encrypts_differently_each_time():
    assert encrypt("same") != encrypt("same")


def test_decrypting_with_the_wrong_key_raises():
    token = encrypt("secret")
    with override_settings(DISCLOSURE_ENCRYPTION_KEYS=[OTHER_KEY]), pytest.raises(DecryptionError):
        decrypt(token)


def test_a_tampered_value_raises_rather_than_returning_ciphertext():
    token = encrypt("secret")
    with pytest.raises(DecryptionError):
        decrypt(token[:-4] + "AAAA")
    with pytest.raises(DecryptionError):
        decrypt("not a token at all")


@pytest.mark.django_db
def test_a_model_field_round_trips_and_is_ciphertext_in_the_row():
    request = DisclosureRequestFactory(person_name="Barnaby Perpetratorson")
    assert DisclosureRequest.objects.get(pk=request.pk).person_name == "Barnaby Perpetratorson"
    with connection.cursor() as cursor:
        cursor.execute("SELECT person_name FROM support_disclosurerequest WHERE id = %s", [request.pk])
        raw = cursor.fetchone()[0]
    assert raw.startswith("gAAAAA")
    assert "Barnaby" not in raw


@pytest.mark.django_db
def test_loading_a_row_written_with_an_unknown_key_raises():
    request = DisclosureRequestFactory()
    with override_settings(DISCLOSURE_ENCRYPTION_KEYS=[OTHER_KEY]), pytest.raises(DecryptionError):
        DisclosureRequest.objects.get(pk=request.pk)


@pytest.mark.django_db
def test_raw_database_rows_hold_no_plaintext_of_any_submitted_field(client, request_page, wales_team):
    fill_in(client, request_page.url)
    request = DisclosureRequest.objects.get()
    CaseNote.objects.create(request=request, text="Spoke to Marigold Uniquename at the library")
    dump = []
    with connection.cursor() as cursor:
        for table in [
            "support_disclosurerequest",
            "support_casenote",
            "support_contactattempt",
            "support_auditentry",
            "django_session",
            "django_tasks_database_dbtaskresult",
        ]:
            if table not in connection.introspection.table_names(cursor):
                continue
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 (fixed table names)
            dump.extend(str(value) for row in cursor.fetchall() for value in row)
    text = "\n".join(dump)
    assert request.person_name == "Barnaby Perpetratorson"  # it was saved...
    for value in PERSONAL_VALUES:
        assert value not in text  # ...but no row holds it in plain text


@pytest.mark.django_db
def test_unfinished_answers_in_the_session_table_are_encrypted(client, request_page):
    fill_in(client, request_page.url, VALID_STEPS[:3])
    with connection.cursor() as cursor:
        cursor.execute("SELECT session_data FROM django_session")
        rows = [row[0] for row in cursor.fetchall()]
    assert rows
    decoded = " ".join(str(SessionStore().decode(row)) for row in rows)
    assert "disclosure_request" in decoded
    for value in ["Marigold Uniquename", "Barnaby Perpetratorson", "Zanzibar"]:
        assert value not in decoded


@pytest.mark.django_db
def test_rotating_the_key_re_encrypts_every_value_with_the_new_key(settings):
    old_key = settings.DISCLOSURE_ENCRYPTION_KEYS[0]
    request = DisclosureRequestFactory(person_name="Barnaby Perpetratorson")
    CaseNote.objects.create(request=request, text="A note about Barnaby")
    settings.DISCLOSURE_ENCRYPTION_KEYS = [OTHER_KEY, old_key]
    call_command("rotate_disclosure_key", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DISCLOSURE_ENCRYPTION_KEYS = [OTHER_KEY]  # the old key is gone
    assert DisclosureRequest.objects.get(pk=request.pk).person_name == "Barnaby Perpetratorson"
    assert CaseNote.objects.get(request=request).text == "A note about Barnaby"
