"""Sending a campaign update: a test to the member of staff, then every active supporter in throttled batches.

start_sending (only a draft tested since its last edit) → petition.tasks.send_update_batch → send_batch:
up to batch_size() supporters without a delivery for this update; for each, INSERT its UpdateDelivery (the
claim, committed before anything is sent; the unique constraint lets one claim win), send, mark sent or
failed. The task queues the next batch batch_seconds() later, or send_batch marks the update sent when
nobody is left.

After a crash: `stalled` (checked by a periodic task) names updates still sending with no recent claim, and
a batch is queued for each.
A claim whose email may or may not have left (the process died between the two) stays "claimed" and is never
retried: a supporter may miss one update, but never gets it twice. A provider that cannot be reached at all
(NOT_SENT) is different: nothing left, so the claim is given back and the batch tried again later.
"""

import logging
import smtplib
import socket
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from petition import languages, tokens
from petition.models.updates import CampaignUpdate, Supporter, UpdateDelivery

logger = logging.getLogger(__name__)

# Throttle: how many emails a batch sends, and the pause between batches. Defaults: the settings
# CAMPAIGN_UPDATE_BATCH_SIZE / _SECONDS (from the environment, website/settings/base.py) win.
BATCH_SIZE = 50
BATCH_SECONDS = 60
# Failures that happen before any message data reaches the provider: the email certainly did not leave.
NOT_SENT = (ConnectionRefusedError, smtplib.SMTPConnectError, socket.gaierror)
# An update still sending with no claim for this long has lost its worker: resume_stalled starts it again.
STALLED_AFTER = timedelta(minutes=10)


def batch_size():
    return getattr(settings, "CAMPAIGN_UPDATE_BATCH_SIZE", BATCH_SIZE)


def batch_seconds():
    return getattr(settings, "CAMPAIGN_UPDATE_BATCH_SECONDS", BATCH_SECONDS)


def unsubscribe_url(supporter_id):
    """Absolute (RFC 8058 wants https: WAGTAILADMIN_BASE_URL is the site's https address in production), in
    the active language (reverse adds its prefix when the URL has one)."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("petition_update_unsubscribe", args=[tokens.supporter_token(supporter_id)])


def build_email(update, to, unsubscribe, language=None):
    """The update in `language` (default: the site's), or in English when it has no version in it; the footer
    and its unsubscribe text are in the same language as the update's own words."""
    written_in, subject, text = update.version(languages.supported(language))
    language = written_in or settings.LANGUAGE_CODE
    with translation.override(language):
        body = render_to_string(
            "emails/petition/campaign_update.txt", {"body": text, "unsubscribe_url": unsubscribe}
        )
    message = EmailMessage(subject, body, to=[to])
    message.extra_headers["Content-Language"] = language
    # One-click unsubscribe (RFC 8058): mail apps POST "List-Unsubscribe=One-Click" to the https URL.
    message.extra_headers["List-Unsubscribe"] = f"<{unsubscribe}>"
    message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message


def example_unsubscribe_url():
    return unsubscribe_url(0).replace("/0-", "/example-")


def versions(update):
    """The languages the update goes out in: English, and each language it has a version in."""
    written = [code for code in update.TRANSLATED if update.version(code)[0]]
    return [settings.LANGUAGE_CODE, *written]


def preview(update, language=None):
    """The email as a supporter would get it (with an example unsubscribe link)."""
    return build_email(update, "supporter@example.org", example_unsubscribe_url(), language)


def send_test(update, user):
    """Send the update to the member of staff, marked as a test, once for each language it is written in.
    Returns the address, or None without one."""
    if not user.email:
        return None
    for language in versions(update):
        message = build_email(update, user.email, example_unsubscribe_url(), language)
        message.subject = gettext("[Test] %(subject)s") % {"subject": message.subject}
        message.send()
    CampaignUpdate.objects.filter(pk=update.pk).update(test_sent_at=timezone.now())
    return user.email


def audience():
    return Supporter.objects.active()


def start_sending(update, user):
    """Move a tested, unchanged draft to "sending"; the caller queues the first batch (petition.tasks.start).
    False if it was not a tested draft, or someone else pressed Send first (the status condition lets one
    press win)."""
    return bool(
        CampaignUpdate.objects.filter(
            pk=update.pk,
            status=CampaignUpdate.Status.DRAFT,
            test_sent_at__isnull=False,
            test_sent_at__gte=update.updated_at,
            updated_at=update.updated_at,
        ).update(status=CampaignUpdate.Status.SENDING, send_started_at=timezone.now(), send_started_by=user)
    )


def claim(update_id, supporter_id):
    """Write this supporter's delivery row before sending; None if another batch already has."""
    try:
        with transaction.atomic():
            return UpdateDelivery.objects.create(update_id=update_id, supporter_id=supporter_id)
    except IntegrityError:
        return None


def send_batch(update_id):
    """Send one batch. Returns {"sent", "failed", "more"}: with more, the caller queues the next batch."""
    update = CampaignUpdate.objects.filter(pk=update_id, status=CampaignUpdate.Status.SENDING).first()
    if update is None:
        return {"sent": 0, "failed": 0, "more": False}
    size = batch_size()
    # Those who had consented when sending started and have no delivery yet; each claimed before sending.
    waiting = list(
        audience()
        .filter(consented_at__lte=update.send_started_at)
        .exclude(deliveries__update=update)
        .order_by("pk")[:size]
    )
    sent = failed = 0
    for supporter in waiting:
        delivery = claim(update.pk, supporter.pk)
        if delivery is None:
            continue
        try:
            language = languages.supported(supporter.language)
            with translation.override(language):
                unsubscribe = unsubscribe_url(supporter.pk)
            build_email(update, supporter.email, unsubscribe, language).send()
        except NOT_SENT as error:
            # The provider could not be reached, so nothing left: give the claim back and try the rest of
            # the batch later, instead of marking everyone failed during an outage.
            UpdateDelivery.objects.filter(pk=delivery.pk).delete()
            logger.warning(
                "Campaign update %s paused: the mail provider is unreachable (%s)", update.pk, error
            )
            return {"sent": sent, "failed": failed, "more": True}
        except Exception as error:  # noqa: BLE001 (recorded, never retried: the provider may have sent it)
            UpdateDelivery.objects.filter(pk=delivery.pk).update(
                state=UpdateDelivery.State.FAILED, error=type(error).__name__[:100]
            )
            logger.warning("A campaign update email failed (%s)", type(error).__name__)
            failed += 1
            continue
        UpdateDelivery.objects.filter(pk=delivery.pk).update(
            state=UpdateDelivery.State.SENT, sent_at=timezone.now()
        )
        sent += 1
    more = len(waiting) == size
    if not more:
        CampaignUpdate.objects.filter(pk=update.pk, status=CampaignUpdate.Status.SENDING).update(
            status=CampaignUpdate.Status.SENT, finished_at=timezone.now()
        )
    return {"sent": sent, "failed": failed, "more": more}


def stalled(now=None):
    """Updates still sending whose last claim (or start) is older than STALLED_AFTER: their worker died.
    Claims make a batch queued beside a slow one harmless."""
    now = now or timezone.now()
    sending = CampaignUpdate.objects.filter(status=CampaignUpdate.Status.SENDING).annotate(
        last_claim=Max("deliveries__claimed_at")
    )
    found = []
    for update in sending:
        last = max(filter(None, [update.last_claim, update.send_started_at]))
        if now - last >= STALLED_AFTER:
            logger.warning(
                "Campaign update %s made no progress since %s: resuming", update.pk, last.isoformat()
            )
            found.append(update.pk)
    return found


def progress(update):
    """{state: number} of this update's deliveries, and how many active supporters are still waiting."""
    counts = dict(update.deliveries.values_list("state").annotate(n=Count("pk")).values_list("state", "n"))
    counts = {state: counts.get(state, 0) for state in UpdateDelivery.State.values}
    if update.status == CampaignUpdate.Status.DRAFT:
        waiting = audience().count()
    elif update.status == CampaignUpdate.Status.SENDING:
        waiting = (
            audience()
            .filter(consented_at__lte=update.send_started_at)
            .exclude(deliveries__update=update)
            .count()
        )
    else:
        waiting = 0
    return {**counts, "waiting": waiting}
