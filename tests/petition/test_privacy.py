"""Privacy: withdraw and unsubscribe links (POST only), anonymisation N months after closing (retention)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from petition import counting, retention
from petition.models import PetitionCount, PetitionPage, Signature
from tests.petition.conftest import confirm_link, link_containing
from tests.petition.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def signed_and_confirmed(petition, sign, client, **fields):
    sign(petition, **fields)
    client.post(confirm_link(mail.outbox[0]))
    Signature.objects.update(verified_at=timezone.now() - timedelta(minutes=1))
    counting.update_counts()


def test_withdrawing_deletes_the_details_and_the_count_goes_down(petition, sign, client):
    signed_and_confirmed(petition, sign, client)
    assert PetitionCount.objects.get(petition=petition).signature_count == 1
    link = link_containing(mail.outbox[-1], "/withdraw/")
    response = client.get(link)
    assert "Withdraw my signature" in response.content.decode()
    assert Signature.objects.get().state == Signature.State.VERIFIED  # GET changes nothing
    response = client.post(link)
    assert "has been withdrawn" in response.content.decode()
    signature = Signature.objects.get()
    assert signature.state == Signature.State.WITHDRAWN
    assert (signature.name, signature.email, signature.postcode, signature.ip_hash) == ("", "", "", "")
    assert "alex" not in signature.canonical_email
    counting.update_counts()
    assert PetitionCount.objects.get(petition=petition).signature_count == 0


def test_after_withdrawing_the_same_email_can_sign_again(petition, sign, client):
    signed_and_confirmed(petition, sign, client)
    client.post(link_containing(mail.outbox[-1], "/withdraw/"))
    sign(petition, ip="203.0.113.50")
    assert Signature.objects.filter(state=Signature.State.PENDING).count() == 1


def test_unsubscribing_turns_off_updates_and_keeps_the_signature(petition, sign, client):
    signed_and_confirmed(petition, sign, client, opt_in="on")
    link = link_containing(mail.outbox[-1], "/unsubscribe/")
    client.get(link)
    assert Signature.objects.get().opt_in is True
    client.post(link)
    signature = Signature.objects.get()
    assert signature.opt_in is False and signature.unsubscribed_at is not None
    assert signature.state == Signature.State.VERIFIED


def test_a_forged_manage_link_does_nothing_and_says_the_same(petition, sign, client):
    signed_and_confirmed(petition, sign, client)
    response = client.post(petition.url + "withdraw/1-forged/")
    assert response.status_code == 200
    assert Signature.objects.get().state == Signature.State.VERIFIED


def test_emails_carry_a_list_unsubscribe_header(petition, sign):
    sign(petition)
    assert "/unsubscribe/" in mail.outbox[0].extra_headers["List-Unsubscribe"]


def test_signatures_are_anonymised_six_months_after_closing_keeping_the_counts(petition):
    assert retention.ANONYMISE_AFTER_MONTHS == 6
    SignatureFactory(petition=petition, verified=True, verified_at=timezone.now() - timedelta(days=400))
    counting.update_counts()
    closed = datetime(2026, 1, 31, 12, tzinfo=UTC)
    PetitionPage.objects.filter(pk=petition.pk).update(state="closed", state_changed_at=closed)

    assert retention.anonymise_closed_petitions(now=datetime(2026, 7, 30, tzinfo=UTC)) == 0
    assert retention.anonymise_closed_petitions(now=datetime(2026, 7, 31, 13, tzinfo=UTC)) == 1
    signature = Signature.objects.get()
    personal = (signature.name, signature.email, signature.postcode, signature.ip_hash)
    assert signature.email_domain == ""
    assert personal == ("", "", "", "")
    assert signature.canonical_email.startswith("anonymised:")
    assert signature.constituency_code  # kept for the counts
    counting.recount()
    assert PetitionCount.objects.get(petition=petition).signature_count == 1


def test_open_petitions_are_not_anonymised(petition):
    SignatureFactory(petition=petition, verified=True)
    assert retention.anonymise_closed_petitions(now=timezone.now() + timedelta(days=3650)) == 0


def test_a_closing_date_starts_the_clock_too(petition):
    SignatureFactory(petition=petition, verified=True)
    PetitionPage.objects.filter(pk=petition.pk).update(closes_at=timezone.now() - timedelta(days=200))
    assert retention.anonymise_closed_petitions() == 1


def test_never_confirmed_signatures_are_deleted_a_month_after_their_link_expired(petition):
    old = SignatureFactory(petition=petition)
    Signature.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    SignatureFactory(petition=petition)
    retention.anonymise_closed_petitions()
    assert Signature.objects.count() == 1


def test_the_daily_anonymisation_task_anonymises_long_closed_petitions(petition):
    from petition import periodic_tasks

    SignatureFactory(petition=petition, verified=True)
    PetitionPage.objects.filter(pk=petition.pk).update(
        state="closed", state_changed_at=timezone.now() - timedelta(days=400)
    )
    result = periodic_tasks.anonymise_closed_petitions.enqueue()
    assert result.return_value == 1
    assert Signature.objects.get().anonymised_at is not None


def test_add_months_clamps_to_the_end_of_the_month():
    assert retention.add_months(datetime(2026, 8, 31), 6) == datetime(2027, 2, 28)
