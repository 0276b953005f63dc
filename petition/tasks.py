"""Background work a request starts: the signer's email, retried with backoff while the provider fails, and
the batches of a campaign update (petition.updates), throttled.

The periodic work (counting, recount, alerts, anonymisation) is in petition.periodic_tasks.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from petition import emails, updates

logger = logging.getLogger(__name__)

# A failed send is retried after 10 s, 20 s, 40 s … (at most 10 min apart), up to this many attempts.
EMAIL_ATTEMPTS = 10
EMAIL_RETRY_SECONDS = 10


@task()
def send_signature_email(signature_id, kind, attempt=1):
    """Send a signer's email; if the provider fails, try again later with backoff, so an outage
    delays confirmations instead of losing them."""
    try:
        return emails.send_signature_email(signature_id, kind)
    except Exception as error:
        if attempt >= EMAIL_ATTEMPTS:
            logger.error(
                "Gave up on a %s email for signature %s after %d attempts (%s)",
                kind,
                signature_id,
                attempt,
                type(error).__name__,
            )
            raise
        delay = min(EMAIL_RETRY_SECONDS * 2 ** (attempt - 1), 600)
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
def send_update_batch(update_id):
    """One throttled batch of a campaign update; queues the next one when supporters are still waiting."""
    result = updates.send_batch(update_id)
    if result["more"]:
        queue_update_batch(update_id, delay=updates.batch_seconds())
    return result


def queue_update_batch(update_id, delay=0):
    batch = send_update_batch
    if delay and batch.get_backend().supports_defer:
        batch = batch.using(run_after=timezone.now() + timedelta(seconds=delay))
    batch.enqueue(update_id)


def start_update(update, user):
    """Staff pressed Send: mark it sending and queue its first batch in the same transaction (with the
    database task backend the task row commits, or rolls back, with the status)."""
    with transaction.atomic():
        started = updates.start_sending(update, user)
        if started:
            queue_update_batch(update.pk)
    return started
