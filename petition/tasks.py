"""Background work: signer emails, the counting batch, the nightly recount, alerts and anonymisation."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from petition import alerts, counting, emails, privacy

logger = logging.getLogger(__name__)


@task()
def send_signature_email(signature_id, kind, attempt=1):
    """Send a signer's email; if the provider fails, try again later with backoff, so an outage
    delays confirmations instead of losing them."""
    try:
        return emails.send_signature_email(signature_id, kind)
    except Exception as error:
        if attempt >= settings.PETITION_EMAIL_ATTEMPTS:
            logger.error(
                "Gave up on a %s email for signature %s after %d attempts (%s)",
                kind,
                signature_id,
                attempt,
                type(error).__name__,
            )
            raise
        delay = min(settings.PETITION_EMAIL_RETRY_SECONDS * 2 ** (attempt - 1), 600)
        retry = send_signature_email
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + timedelta(seconds=delay))
        logger.warning(
            "A %s email for signature %s failed (%s); attempt %d in %ss",
            kind,
            signature_id,
            type(error).__name__,
            attempt + 1,
            delay,
        )
        retry.enqueue(signature_id, kind, attempt + 1)
        return False


@task()
def update_counts():
    return counting.update_counts()


@task()
def recount():
    return len(counting.recount())


@task()
def check_signature_alerts():
    return len(alerts.check_signature_alerts())


@task()
def anonymise_closed_petitions():
    return privacy.anonymise_closed_petitions()
