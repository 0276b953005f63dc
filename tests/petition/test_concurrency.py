"""Concurrency on PostgreSQL: the unique constraint, not luck, keeps one signature per email."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from petition import counting
from petition.models import PetitionCount, Signature
from tests.petition.conftest import confirm_link

pytestmark = [
    pytest.mark.postgres,
    # serialized_rollback: the flush after a transactional test also removes the root page Wagtail's
    # migrations made; restore it for the next one.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every write, so it cannot show a race; run with DATABASE_URL=postgres://…",
    ),
]


def in_thread(function):
    def run(*args):
        try:
            return function(*args)
        finally:
            connections.close_all()

    return run


def post_sign(petition_id, n, email):
    return (
        Client()
        .post(
            reverse("petition_sign", args=[petition_id]),
            {"name": f"Signer {n}", "email": email, "location": "UK", "postcode": "SW1A 1AA"},
            REMOTE_ADDR=f"10.{n // 250}.{n % 250}.1",
        )
        .status_code
    )


def test_fifty_threads_signing_the_same_email_make_exactly_one_signature(petition):
    barrier = threading.Barrier(50)

    @in_thread
    def sign(n):
        barrier.wait()
        return post_sign(petition.pk, n, "same.person@example.org")

    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(sign, range(50)))
    assert statuses == [303] * 50
    assert Signature.objects.filter(petition=petition).count() == 1
    assert Signature.objects.get().emails_sent <= 5


def test_two_hundred_distinct_emails_make_two_hundred_after_counting(petition, petition_settings):
    petition_settings(domain_rates="1000/m")
    mail.outbox = []

    @in_thread
    def sign(n):
        return post_sign(petition.pk, n, f"person{n}@example.org")

    @in_thread
    def confirm(link):
        return Client().post(link).status_code

    with ThreadPoolExecutor(max_workers=25) as pool:
        assert set(pool.map(sign, range(200))) == {303}
        confirmations = [m for m in mail.outbox if "/confirm/" in m.body]
        assert len(confirmations) == 200
        assert set(pool.map(confirm, [confirm_link(m) for m in confirmations])) == {303}
    with ThreadPoolExecutor(max_workers=4) as pool:
        # Concurrent batches must not double count.
        list(pool.map(in_thread(lambda _n: counting.update_counts(lag_seconds=0)), range(4)))
    assert Signature.objects.filter(petition=petition, state="verified").count() == 200
    assert PetitionCount.objects.get(petition=petition).signature_count == 200
    assert counting.recount() == {}


def test_a_batch_leaves_a_petition_another_transaction_is_counting_instead_of_waiting(petition):
    """The scheduler enqueues a batch every 15 s; one that waited on a long count would park a task worker
    that should be sending confirmation emails."""
    signature = Signature.objects.create(
        petition=petition, name="A", email="a@example.org", canonical_email="a@example.org"
    )
    Signature.objects.filter(pk=signature.pk).update(
        state=Signature.State.VERIFIED, verified_at=timezone.now() - timedelta(minutes=1)
    )
    PetitionCount.objects.get_or_create(petition=petition)
    holding, release = threading.Event(), threading.Event()

    @in_thread
    def hold_the_counter():
        with transaction.atomic():
            PetitionCount.objects.select_for_update().get(petition=petition)
            holding.set()
            release.wait(timeout=10)  # were the batch to wait, it would get the row after 10 s and count

    with ThreadPoolExecutor(max_workers=1) as pool:
        held = pool.submit(hold_the_counter)
        assert holding.wait(timeout=10)
        assert counting.update_counts(lag_seconds=0) == 0
        release.set()
        held.result()
    assert counting.update_counts(lag_seconds=0) == 1
    assert PetitionCount.objects.get(petition=petition).signature_count == 1
