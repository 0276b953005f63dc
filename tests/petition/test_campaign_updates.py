"""Campaign updates to supporters who asked for them: the consent record, writing, testing and sending an
update (batched, throttled, resumable without duplicates, every send recorded), and one-click unsubscribe."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from petition import retention, supporters, tasks, tokens, updates
from petition.models import CampaignUpdate, PetitionPage, Signature, Supporter, UpdateDelivery
from tests.petition.conftest import confirm_link, link_containing
from tests.petition.factories import SignatureFactory
from website.staff.groups import CAMPAIGN_MANAGERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(home):
    user = User.objects.create_user("manager", "manager@waymark.example", "password-for-tests")
    user.groups.add(Group.objects.get(name=CAMPAIGN_MANAGERS))
    return user


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


def supporter(petition, email, consented_at=None):
    signature = SignatureFactory(petition=petition, verified=True, opt_in=True, email=email)
    if consented_at:
        Signature.objects.filter(pk=signature.pk).update(verified_at=consented_at)
    return supporters.record_consent(signature.pk)


def a_tested_update(manager, subject="The register is in the bill"):
    update = CampaignUpdate.objects.create(subject=subject, body="Thank you: the register is in the bill.")
    updates.send_test(update, manager)
    update.refresh_from_db()
    mail.outbox.clear()
    return update


def test_confirming_with_the_box_ticked_records_consent_and_it_outlives_anonymisation(petition, sign, client):
    sign(petition, email="Sam@Example.org", opt_in="on")
    client.post(confirm_link(mail.outbox[-1]))
    (record,) = Supporter.objects.all()
    assert record.email == "sam@example.org" and record.name == "Alex Smith"
    assert record.consent_wording == "Email me campaign updates"
    assert record.source_petition_id == petition.pk and record.consented_at

    # The petition closes and, six months later, its signatures are anonymised: the consent stays.
    PetitionPage.objects.filter(pk=petition.pk).update(
        state="closed", state_changed_at=timezone.now() - timedelta(days=200)
    )
    retention.anonymise_closed_petitions()
    assert Signature.objects.get().email == ""
    assert Supporter.objects.active().get().email == "sam@example.org"


def test_no_box_no_consent_record(petition, sign, client):
    sign(petition, email="quiet@example.org")
    client.post(confirm_link(mail.outbox[-1]))
    assert not Supporter.objects.exists()


def test_consent_lapses_when_the_privacy_notice_says(petition):
    assert retention.SUPPORTER_CONSENT_MONTHS == 24
    supporter(petition, "old@example.org", consented_at=datetime(2024, 3, 1, tzinfo=UTC))
    supporter(petition, "recent@example.org", consented_at=datetime(2025, 6, 1, tzinfo=UTC))
    retention.anonymise_closed_petitions(now=datetime(2026, 3, 2, tzinfo=UTC))
    assert list(Supporter.objects.active().values_list("email", flat=True)) == ["recent@example.org"]
    assert Supporter.objects.filter(email="", erased_at__isnull=False).count() == 1


def test_unsubscribing_from_a_petition_email_or_withdrawing_ends_updates_too(petition, sign, client):
    sign(petition, email="a@example.org", opt_in="on")
    client.post(confirm_link(mail.outbox[-1]))
    client.post(link_containing(mail.outbox[-1], "/unsubscribe/"))
    assert not Supporter.objects.active().exists()
    assert Supporter.objects.get().email == ""


def test_an_update_is_previewed_tested_then_sent_to_every_active_supporter(petition, manager, manager_client):
    for n in range(3):
        supporter(petition, f"s{n}@example.org")
    gone = supporter(petition, "gone@example.org")
    supporters.unsubscribe(gone.pk)

    response = manager_client.post(
        reverse("campaign_updates:add"), {"subject": "Good news", "body": "The register is in the bill."}
    )
    update = CampaignUpdate.objects.get()
    assert response.url == reverse("campaign_updates:review", args=[update.pk])
    assert update.created_by == manager
    review = reverse("campaign_updates:review", args=[update.pk])
    html = manager_client.get(review).content.decode()
    assert "The register is in the bill." in html and "List-Unsubscribe=One-Click" in html
    assert "Send yourself a test" in html

    # Sending before a test is refused.
    manager_client.post(review, {"action": "send"})
    assert CampaignUpdate.objects.get().status == "draft" and not mail.outbox

    manager_client.post(review, {"action": "test"})
    (test,) = mail.outbox
    assert test.to == ["manager@waymark.example"] and test.subject == "[Test] Good news"
    assert not UpdateDelivery.objects.exists()
    assert "Send to 3 supporters" in manager_client.get(review).content.decode()

    manager_client.post(review, {"action": "send"})
    update.refresh_from_db()
    assert update.status == "sent" and update.send_started_by == manager and update.finished_at
    sent = mail.outbox[1:]
    assert sorted(m.to[0] for m in sent) == ["s0@example.org", "s1@example.org", "s2@example.org"]
    assert UpdateDelivery.objects.filter(update=update, state="sent").count() == 3
    # Once sent it is a record: no editing, and a second press sends nothing.
    assert manager_client.get(reverse("campaign_updates:edit", args=[update.pk])).status_code == 302
    manager_client.post(review, {"action": "send"})
    assert len(mail.outbox) == 4


def test_editing_after_the_test_needs_another_test(petition, manager, manager_client):
    supporter(petition, "s@example.org")
    update = a_tested_update(manager)
    manager_client.post(
        reverse("campaign_updates:edit", args=[update.pk]), {"subject": "Changed", "body": "New."}
    )
    manager_client.post(reverse("campaign_updates:review", args=[update.pk]), {"action": "send"})
    assert CampaignUpdate.objects.get().status == "draft" and not mail.outbox


def test_every_email_has_a_one_click_unsubscribe(petition, manager, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://waymark.example"
    record = supporter(petition, "s@example.org")
    tasks.start_update(a_tested_update(manager), manager)
    (message,) = mail.outbox
    url = f"https://waymark.example/updates/unsubscribe/{tokens.supporter_token(record.pk)}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body
    assert "Signer" not in message.body  # no name in the email


def test_one_click_unsubscribe_is_a_csrf_exempt_idempotent_post_and_get_only_asks(petition):
    record = supporter(petition, "s@example.org")
    path = reverse("petition_update_unsubscribe", args=[tokens.supporter_token(record.pk)])
    browser = Client(enforce_csrf_checks=True)  # a mail provider has no cookie and no CSRF token
    response = browser.get(path)
    assert response.status_code == 200 and "Stop campaign updates" in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert Supporter.objects.active().exists()  # a GET (a mail scanner) changes nothing

    response = browser.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "You are unsubscribed" in response.content.decode()
    record.refresh_from_db()
    assert record.unsubscribed_at and record.email == "" and record.name == ""
    assert browser.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200  # again: same answer

    forged = reverse("petition_update_unsubscribe", args=[f"{record.pk}-{'0' * 40}"])
    assert browser.post(forged).status_code == 404


def test_sending_is_batched_and_throttled(petition, manager, settings, monkeypatch):
    settings.CAMPAIGN_UPDATE_BATCH_SIZE = 2
    for n in range(5):
        supporter(petition, f"s{n}@example.org")
    update = a_tested_update(manager)
    queued = []
    # Catch the follow-up batches instead of running them at once, to see the throttle.
    monkeypatch.setattr(tasks, "queue_update_batch", lambda update_id, delay=0: queued.append(delay))
    assert updates.start_sending(update, manager)
    assert tasks.send_update_batch.call(update.pk) == {"sent": 2, "failed": 0, "more": True}
    assert queued == [updates.BATCH_SECONDS]
    assert len(mail.outbox) == 2
    tasks.send_update_batch.call(update.pk)
    tasks.send_update_batch.call(update.pk)
    assert len(mail.outbox) == 5
    assert CampaignUpdate.objects.get().status == "sent"


def test_a_crash_mid_batch_resumes_without_sending_anyone_a_second_copy(
    petition, manager, settings, monkeypatch
):
    settings.CAMPAIGN_UPDATE_BATCH_SIZE = 10
    for n in range(4):
        supporter(petition, f"s{n}@example.org")
    update = a_tested_update(manager)
    assert updates.start_sending(update, manager)

    # The worker dies while the provider has the third email: claimed, never confirmed.
    real_send = updates.EmailMessage.send
    calls = []

    def dying_send(message, *args, **kwargs):
        calls.append(message.to[0])
        if len(calls) == 3:
            raise SystemExit("worker killed")
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(updates.EmailMessage, "send", dying_send)
    with pytest.raises(SystemExit):
        updates.send_batch(update.pk)
    monkeypatch.setattr(updates.EmailMessage, "send", real_send)
    assert UpdateDelivery.objects.filter(state="sent").count() == 2
    assert UpdateDelivery.objects.filter(state="claimed").count() == 1

    # Nothing happens for a while; the periodic check finds it stalled and resumes.
    from petition import periodic_tasks

    assert updates.stalled() == []
    later = timezone.now() + updates.STALLED_AFTER + timedelta(minutes=1)
    assert updates.stalled(now=later) == [update.pk]
    # (As if an hour had passed.)
    hour = timedelta(hours=1)
    UpdateDelivery.objects.update(claimed_at=F("claimed_at") - hour)
    CampaignUpdate.objects.update(send_started_at=F("send_started_at") - hour)
    Supporter.objects.update(consented_at=F("consented_at") - hour)
    assert periodic_tasks.resume_campaign_updates.call() == 1

    recipients = [m.to[0] for m in mail.outbox]
    assert len(recipients) == len(set(recipients)) == 3  # the claimed one is not sent again
    assert UpdateDelivery.objects.filter(state="sent").count() == 3
    assert UpdateDelivery.objects.count() == 4  # every supporter has exactly one record
    assert CampaignUpdate.objects.get().status == "sent"
    # Two batches racing for the same supporters: the unique claim lets one win.
    assert updates.claim(update.pk, Supporter.objects.first().pk) is None


def test_a_failed_send_is_recorded_and_not_retried(petition, manager, monkeypatch):
    supporter(petition, "s@example.org")
    update = a_tested_update(manager)
    monkeypatch.setattr(
        updates.EmailMessage, "send", lambda *a, **k: (_ for _ in ()).throw(ConnectionError())
    )
    tasks.start_update(update, manager)
    delivery = UpdateDelivery.objects.get()
    assert delivery.state == "failed" and delivery.error == "ConnectionError"
    assert CampaignUpdate.objects.get().status == "sent"


def test_only_campaign_managers_send(petition, client, home):
    editor = User.objects.create_user("editor", "e@waymark.example", "password-for-tests")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    update = CampaignUpdate.objects.create(subject="S", body="B")
    assert client.get(reverse("campaign_updates:index")).status_code in (302, 403)
    response = client.post(reverse("campaign_updates:review", args=[update.pk]), {"action": "test"})
    assert response.status_code in (302, 403)
    assert not mail.outbox and CampaignUpdate.objects.get().test_sent_at is None


def test_stalled_sending_is_checked_every_few_minutes(settings):
    every = dict(settings.PERIODIC_TASKS)
    assert (
        every["petition.periodic_tasks.resume_campaign_updates"] * 2 <= updates.STALLED_AFTER.total_seconds()
    )


def test_an_unreachable_provider_pauses_sending_instead_of_failing_everyone(petition, manager, monkeypatch):
    for n in range(3):
        supporter(petition, f"s{n}@example.org")
    update = a_tested_update(manager)
    queued = []
    monkeypatch.setattr(tasks, "queue_update_batch", lambda update_id, delay=0: queued.append(delay))
    real_send = updates.EmailMessage.send

    def refused(*args, **kwargs):
        raise ConnectionRefusedError("provider down")

    monkeypatch.setattr(updates.EmailMessage, "send", refused)
    updates.start_sending(update, manager)
    assert tasks.send_update_batch.call(update.pk)["more"] is True
    assert queued == [updates.BATCH_SECONDS]  # tried again after the pause
    assert not UpdateDelivery.objects.exists()  # nothing left, nothing recorded as sent or failed
    assert CampaignUpdate.objects.get().status == "sending"

    monkeypatch.setattr(updates.EmailMessage, "send", real_send)
    tasks.send_update_batch.call(update.pk)
    assert sorted(m.to[0] for m in mail.outbox) == ["s0@example.org", "s1@example.org", "s2@example.org"]
    assert UpdateDelivery.objects.filter(state="sent").count() == 3
