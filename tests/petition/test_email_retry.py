"""An email provider outage delays signers' emails; it never loses them or uses up their share."""

import pytest
from django.core import mail

from petition import emails, tasks
from petition.models import Signature
from tests.petition.factories import SignatureFactory


class FlakyBackend:
    """Fails the first `failures` sends, then delivers to Django's locmem outbox."""

    failures = 0

    def __init__(self, *args, **kwargs):
        from django.core.mail.backends.locmem import EmailBackend

        self.inner = EmailBackend(*args, **kwargs)

    def open(self):
        return True

    def close(self):
        pass

    def send_messages(self, messages):
        if FlakyBackend.failures:
            FlakyBackend.failures -= 1
            raise ConnectionRefusedError("provider down")
        return self.inner.send_messages(messages)


@pytest.fixture
def flaky_email(settings):
    settings.EMAIL_BACKEND = "tests.petition.test_email_retry.FlakyBackend"
    return FlakyBackend


@pytest.mark.django_db
def test_a_failed_confirmation_email_is_retried_until_it_goes_out(flaky_email, petition, settings):
    signature = SignatureFactory(petition=petition, state=Signature.State.PENDING, emails_sent=0)
    flaky_email.failures = 2
    # Tests run tasks at once (no deferral), so the retries follow immediately.
    tasks.send_signature_email.enqueue(signature.pk, emails.CONFIRM)
    assert len(mail.outbox) == 1
    signature.refresh_from_db()
    assert signature.emails_sent == 1  # the two failed attempts gave their slots back


@pytest.mark.django_db
def test_retries_stop_after_the_configured_number_of_attempts(flaky_email, petition, monkeypatch):
    monkeypatch.setattr(tasks, "EMAIL_ATTEMPTS", 3)
    signature = SignatureFactory(petition=petition, state=Signature.State.PENDING, emails_sent=0)
    flaky_email.failures = 10
    tasks.send_signature_email.enqueue(signature.pk, emails.CONFIRM)
    assert mail.outbox == []
    assert flaky_email.failures == 7  # exactly three attempts were made
    signature.refresh_from_db()
    assert signature.emails_sent == 0
