"""On PostgreSQL a signature and its confirmation email task are written by one statement
(website.task_rows), and the task worker runs what it wrote as if enqueue() had."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from petition.models import Signature
from petition.tasks import send_signature_email
from website import task_rows

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL statement")


@pytest.fixture
def task_rows_in_the_database(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def tasks():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.order_by("enqueued_at")


@pytest.mark.django_db(transaction=True)
def test_a_request_writes_the_signature_and_its_task_in_one_statement(
    petition, sign, task_rows_in_the_database
):
    sign(petition, email="warm@example.org", ip="203.0.113.200")  # the rules and settings, cached
    with CaptureQueriesContext(connection) as queries:
        assert sign(petition, email="new@example.org", ip="203.0.113.201").status_code == 303
    writes = [q["sql"] for q in queries.captured_queries if "INSERT" in q["sql"]]
    assert len(writes) == 1
    # The petition, the postcode and the write: no BEGIN, no COMMIT of our own (autocommit).
    assert len(queries.captured_queries) == 3
    signature = Signature.objects.get(email="new@example.org")
    task = tasks().get(args_kwargs__args__0=signature.pk)
    assert task.args_kwargs == {"args": [signature.pk, "confirm"], "kwargs": {}}
    assert task.task_path == "petition.tasks.send_signature_email"
    assert (task.status, task.queue_name, task.backend_name, task.priority) == (
        "READY",
        "default",
        "default",
        0,
    )
    assert task.enqueued_at and task.run_after


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_the_email_the_statement_queued(petition, sign, task_rows_in_the_database):
    sign(petition, email="alex@example.org")
    assert mail.outbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [message.to for message in mail.outbox] == [["alex@example.org"]]
    assert "/petition/confirm/" in mail.outbox[0].body
    assert tasks().get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_a_duplicate_writes_neither_row(petition, task_rows_in_the_database):
    def new_signature():
        return Signature(
            petition=petition,
            name="A",
            email="a@example.org",
            canonical_email="a@example.org",
            state="pending",
        )

    first = task_rows.create_with_task(new_signature(), send_signature_email, task_rows.ROW_ID, "confirm")
    with pytest.raises(IntegrityError):
        task_rows.create_with_task(new_signature(), send_signature_email, task_rows.ROW_ID, "confirm")
    assert list(Signature.objects.values_list("pk", flat=True)) == [first.pk]
    assert [task.args_kwargs["args"] for task in tasks()] == [[first.pk, "confirm"]]


@pytest.mark.django_db
def test_inside_a_transaction_a_failure_leaves_the_transaction_usable(petition, task_rows_in_the_database):
    signature = Signature(
        petition=petition, name="A", email="a@example.org", canonical_email="a@example.org", state="pending"
    )
    with transaction.atomic():
        task_rows.create_with_task(signature, send_signature_email, task_rows.ROW_ID, "confirm")
        duplicate = Signature(
            petition=petition,
            name="B",
            email="a@example.org",
            canonical_email="a@example.org",
            state="pending",
        )
        with pytest.raises(IntegrityError):
            task_rows.create_with_task(duplicate, send_signature_email, task_rows.ROW_ID, "confirm")
        assert Signature.objects.count() == 1  # the transaction still answers
    assert tasks().count() == 1
